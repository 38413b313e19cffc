package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification reads the latest heads file before the day; a damaged one is passed over for the
 * one before it rather than leaving the chains with no earlier head to hold them to.
 */
class ChainHeadFilesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @TempDir
    Path directory;

    @Test
    void theLatestFileBeforeTheDayGivesTheHeads() {
        ChainHeadFiles files = new ChainHeadFiles(directory);
        files.write(TODAY.minusDays(2), List.of(head(10)));
        files.write(TODAY.minusDays(1), List.of(head(12)));
        files.write(TODAY, List.of(head(14)));

        assertThat(files.latestReadableBefore(TODAY)).containsExactly(head(12));
    }

    @Test
    void aDamagedLatestFileIsPassedOverForTheOneBeforeIt() throws IOException {
        ChainHeadFiles files = new ChainHeadFiles(directory);
        files.write(TODAY.minusDays(3), List.of(head(10)));
        Files.writeString(directory.resolve("chain-heads-" + TODAY.minusDays(2) + ".txt"), "audit_log 0344 zwölf ab\n");
        Files.writeString(directory.resolve("chain-heads-" + TODAY.minusDays(1) + ".txt"), "truncated\n");

        assertThat(files.latestReadableBefore(TODAY)).containsExactly(head(10));
    }

    @Test
    void noFileGivesNoHeads() {
        assertThat(new ChainHeadFiles(directory.resolve("none")).latestReadableBefore(TODAY))
                .isEmpty();
    }

    private static ChainHead head(long position) {
        return new ChainHead("audit_log", "0344", position, "ab".repeat(32));
    }
}
