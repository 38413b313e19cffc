package nl.beslisstraat.batch.verify;

import java.nio.file.Path;
import java.util.List;
import nl.beslisstraat.engine.audit.ChainHead;
import nl.beslisstraat.engine.audit.ChainHeadFiles;
import nl.beslisstraat.engine.audit.ChainVerification;
import nl.beslisstraat.engine.audit.ChainVerifications;
import org.springframework.stereotype.Component;

/**
 * {@code --verify-audit-chain [--chain-heads=file] [--municipality=0344]}: recomputes the hash
 * chains of the audit trail and the decisions of every municipality and the platform's own log
 * (or those of the one municipality named), each
 * against the heads in the file when one is given (a file the daily run wrote, kept outside the
 * database), and prints the first break of each chain. Exit code 0 when every chain holds, 1 when
 * one does not.
 */
@Component
public class VerifyChainCommand {

    private final ChainVerifications verifications;

    VerifyChainCommand(ChainVerifications verifications) {
        this.verifications = verifications;
    }

    public int run(String municipality, Path heads) {
        List<ChainHead> earlier = heads == null ? List.of() : ChainHeadFiles.read(heads);
        boolean intact = true;
        for (ChainVerification result : verifications.verifyAll(municipality, earlier)) {
            if (result.intact()) {
                result.heads()
                        .forEach(head -> System.out.printf(
                                "%s %s: intact, %,d links, head %s%n",
                                head.municipality(), head.table(), head.position(), head.hash()));
            } else {
                intact = false;
                result.breaks().forEach(broken -> System.out.println("BROKEN " + broken.describe()));
            }
        }
        return intact ? 0 : 1;
    }
}
