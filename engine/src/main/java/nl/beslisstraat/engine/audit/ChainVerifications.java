package nl.beslisstraat.engine.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Verifies every municipality's chains and the platform's own log: daily on its own ({@code
 * beslisstraat.audit.chain-cron}, by default at 04:15, after the nightly run), and on request from
 * the command line. It keeps the last result per municipality for the dashboard, compares with the
 * heads written the day before, and writes today's heads outside the database.
 */
@Service
public class ChainVerifications {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifications.class);

    private final ChainVerifier verifier;
    private final PlatformAuditLog platformLog;
    private final ChainHeadFiles files;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, ChainVerification> last = new ConcurrentHashMap<>();

    public ChainVerifications(
            ChainVerifier verifier, PlatformAuditLog platformLog, ChainHeadFiles files, JdbcTemplate jdbc) {
        this.verifier = verifier;
        this.platformLog = platformLog;
        this.files = files;
        this.jdbc = jdbc;
        this.clock = Clock.systemDefaultZone();
    }

    /** The scheduled run: verify against yesterday's heads, then write today's. */
    @Scheduled(cron = "${beslisstraat.audit.chain-cron:0 15 4 * * *}")
    public void daily() {
        LocalDate today = LocalDate.now(clock);
        List<ChainVerification> results = verifyAll(null, files.latestReadableBefore(today));
        List<ChainHead> heads = new ArrayList<>();
        for (ChainVerification result : results) {
            if (result.municipality().equals(PlatformAuditLog.PLATFORM)) {
                heads.addAll(result.heads()); // the database's head, broken or not
                continue;
            }
            // a broken chain's head is the database's, which is what an investigation starts from
            try (Municipality.Scope ignored = Municipality.enter(result.municipality())) {
                heads.addAll(verifier.heads());
            }
        }
        files.write(today, heads);
    }

    /**
     * Verifies the chains of one municipality (or all and the platform's log, with null), each
     * against the earlier heads given for it; logs and remembers each result.
     */
    public List<ChainVerification> verifyAll(String municipality, List<ChainHead> earlier) {
        List<String> codes = municipality != null
                ? List.of(municipality)
                : jdbc.queryForList("select cbs_code from municipalities order by cbs_code", String.class);
        List<ChainVerification> results = new ArrayList<>();
        for (String code : codes) {
            ChainVerification result;
            try (Municipality.Scope ignored = Municipality.enter(code)) {
                result = verifier.verify(earlier);
            }
            results.add(remembered(result));
        }
        if (municipality == null) {
            results.add(remembered(platformLog.verify(earlier)));
        }
        return results;
    }

    /**
     * Verifies one municipality's chains now, at an auditor's request, against the latest heads
     * kept outside the database (today's included), and remembers the result for its pages.
     */
    public ChainVerification verifyNow(String municipality) {
        List<ChainHead> kept = files.latestReadableBefore(LocalDate.now(clock).plusDays(1));
        return verifyAll(municipality, kept).get(0);
    }

    private ChainVerification remembered(ChainVerification result) {
        last.put(result.municipality(), result);
        if (result.intact()) {
            log.info("chains of {} intact: {}", result.municipality(), result.heads());
        } else {
            result.breaks().forEach(broken -> log.error("CHAIN BROKEN: {}", broken.describe()));
        }
        return result;
    }

    /** The last verification of a municipality's chains since the application started. */
    public Optional<ChainVerification> last(String municipality) {
        return Optional.ofNullable(last.get(municipality));
    }
}
