package nl.beslisstraat.engine.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.audit.PlatformAuditLog;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The brake on password guessing: failed sign-ins counted per account and per source address in
 * PostgreSQL ({@code sign_in_throttle}), so a lock survives a restart and holds for every engine
 * process. After a few free failures each attempt has to wait a delay that doubles; an attempt
 * made before its time is refused unchecked and counts as a failure too; at the limit the account
 * or the address is locked, also for the right password. Each lock and each unlock is written to
 * the audit trail: an account's in every municipality it works for, and the platform's own log
 * ({@link PlatformAuditLog}) for an address, a platform administrator or a name of no account.
 *
 * <p>Rows exist for names that are no account as well, so a refusal tells nobody whether an account
 * exists.
 */
@Service
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** What is counted: one account's failures, or those from one source address. */
    public enum Kind {
        ACCOUNT,
        ADDRESS
    }

    /** A current lock, for the administrator who may lift it. */
    public record Lock(Kind kind, String key, int failures, OffsetDateTime lockedUntil) {}

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final PlatformAuditLog platformAudit;
    private final TransactionTemplate transaction;
    private final SignInThrottleSettings settings;

    SignInThrottle(
            JdbcTemplate jdbc,
            AuditLog audit,
            PlatformAuditLog platformAudit,
            PlatformTransactionManager transactions,
            SignInThrottleSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.platformAudit = platformAudit;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
    }

    /** Why an attempt is refused unchecked: until when, and whether it is the address that is held. */
    public record Refusal(Instant until, boolean byAddress) {}

    /**
     * Whether an attempt for this account from this address is refused now, unchecked: while either
     * is locked or within its delay. Checked before the password, so a refused attempt costs no
     * password hash.
     */
    public Optional<Refusal> refusal(String username, String address) {
        Instant now = Instant.now();
        return jdbc
                .query(
                        "select kind, greatest(not_before, coalesce(locked_until, not_before)) as until"
                                + " from sign_in_throttle"
                                + " where (kind = 'ACCOUNT' and key = ?) or (kind = 'ADDRESS' and key = ?)",
                        (row, n) -> new Refusal(
                                row.getTimestamp("until").toInstant(),
                                Kind.ADDRESS.name().equals(row.getString("kind"))),
                        username,
                        address)
                .stream()
                .filter(refusal -> refusal.until().isAfter(now))
                .max(Comparator.comparing(Refusal::byAddress).thenComparing(Refusal::until));
    }

    /**
     * Counts a failed or too early attempt against the account and the address. An attempt refused
     * because its address is held counts against the address only ({@code username} null): one
     * address must not go on to lock account after account. A name no account can have is counted
     * against the address only: locking it protects nobody, and its text (line breaks, megabytes)
     * would otherwise reach the log and the audit trail.
     */
    public void failed(String username, String address) {
        if (UserAccounts.couldBeAName(username)) {
            count(Kind.ACCOUNT, username, municipalitiesOf(username));
        }
        if (address != null) {
            count(Kind.ADDRESS, address, List.of());
        }
    }

    /**
     * A successful sign-in forgets the account's failures. The address's stay: an attacker who
     * holds one account must not wipe the count of the guesses made from the same address.
     */
    public void succeeded(String username) {
        jdbc.update("delete from sign_in_throttle where kind = 'ACCOUNT' and key = ?", username);
    }

    /** The accounts and addresses locked now. */
    public List<Lock> locks() {
        return jdbc.query(
                "select kind, key, failures, locked_until from sign_in_throttle where locked_until > now()"
                        + " order by kind, key",
                (row, n) -> new Lock(
                        Kind.valueOf(row.getString("kind")),
                        row.getString("key"),
                        row.getInt("failures"),
                        row.getObject("locked_until", OffsetDateTime.class)),
                (Object[]) new Object[0]);
    }

    /**
     * Lifts a lock (and forgets the failures) of an account or address, audited with the
     * administrator's name; false when there was nothing to lift.
     */
    public boolean unlock(Kind kind, String key, String administrator) {
        boolean lifted = Boolean.TRUE.equals(transaction.execute(status -> {
            boolean locked = jdbc.update(
                            "delete from sign_in_throttle where kind = ? and key = ? and locked_until > now()",
                            kind.name(),
                            key)
                    == 1;
            jdbc.update("delete from sign_in_throttle where kind = ? and key = ?", kind.name(), key);
            return locked;
        }));
        if (lifted) {
            log.warn("Sign-in lock of {} {} lifted by {}", kind, key, administrator);
            List<String> logs = kind == Kind.ACCOUNT ? municipalitiesOf(key) : List.of();
            record(logs, entry(administrator, kind, key, "SIGN_IN_UNLOCKED", "{}"));
        }
        return lifted;
    }

    private record Counted(int failures, Instant lockedUntil, boolean locked) {}

    private void count(Kind kind, String key, List<String> logs) {
        Counted counted = transaction.execute(status -> countOne(kind, key));
        if (counted.locked()) {
            log.warn(
                    "Sign-in locked for {} {} until {} after {} failures",
                    kind,
                    key,
                    counted.lockedUntil(),
                    counted.failures());
            record(
                    logs,
                    entry(
                            "system",
                            kind,
                            key,
                            "SIGN_IN_LOCKED",
                            "{\"failures\": " + counted.failures() + ", \"lockedUntil\": \"" + counted.lockedUntil()
                                    + "\"}"));
        }
        forgetOld();
    }

    /** One failure more, under a row lock, so concurrent attempts of several processes all count. */
    private Counted countOne(Kind kind, String key) {
        Instant now = Instant.now();
        int lockAfter = kind == Kind.ACCOUNT ? settings.accountLockAfter() : settings.addressLockAfter();
        int free = kind == Kind.ACCOUNT ? settings.accountFreeFailures() : settings.addressFreeFailures();
        jdbc.update(
                "insert into sign_in_throttle (kind, key, failures, first_failure_at, not_before)"
                        + " values (?, ?, 0, ?, ?) on conflict (kind, key) do nothing",
                kind.name(),
                key,
                at(now),
                at(now));
        var row = jdbc.queryForMap(
                "select failures, first_failure_at, locked_until from sign_in_throttle"
                        + " where kind = ? and key = ? for update",
                kind.name(),
                key);
        int failures = ((Number) row.get("failures")).intValue();
        Instant firstFailure = ((Timestamp) row.get("first_failure_at")).toInstant();
        Instant lockedUntil =
                row.get("locked_until") == null ? null : ((Timestamp) row.get("locked_until")).toInstant();
        boolean lockOver = lockedUntil != null && !lockedUntil.isAfter(now);
        boolean windowOver = lockedUntil == null && firstFailure.isBefore(now.minus(settings.window()));
        if (lockOver || windowOver) {
            failures = 0;
            firstFailure = now;
            lockedUntil = null;
        }
        failures++;
        // attempts during a lock still count, but do not lengthen it: the lock ends when it said
        boolean locks = lockedUntil == null && failures >= lockAfter;
        if (locks) {
            lockedUntil = now.plus(settings.lockDuration());
        }
        jdbc.update(
                "update sign_in_throttle set failures = ?, first_failure_at = ?, not_before = ?, locked_until = ?"
                        + " where kind = ? and key = ?",
                failures,
                at(firstFailure),
                at(now.plus(settings.delayAfter(failures, free))),
                lockedUntil == null ? null : at(lockedUntil),
                kind.name(),
                key);
        return new Counted(failures, lockedUntil, locks);
    }

    private void forgetOld() {
        jdbc.update(
                "delete from sign_in_throttle where coalesce(locked_until, not_before) < ? and first_failure_at < ?",
                at(Instant.now().minus(settings.window())),
                at(Instant.now().minus(settings.window())));
    }

    /**
     * Records the entry in the log of each municipality, each in a transaction working for it; with
     * none, in the platform's own log.
     */
    private void record(List<String> municipalities, AuditEntry entry) {
        if (municipalities.isEmpty()) {
            Municipality.runForPlatform(() -> transaction.executeWithoutResult(status -> platformAudit.append(entry)));
        }
        for (String municipality : municipalities) {
            Municipality.run(
                    municipality, () -> transaction.executeWithoutResult(status -> audit.appendAll(List.of(entry))));
        }
    }

    /**
     * The municipalities whose audit trail records a lock of this account. None for a source
     * address, a platform administrator or a name of no account: those are the platform's own
     * events, in its own log, and no municipality's auditors read the addresses of another
     * municipality's staff or the names of the platform's administrators.
     */
    private List<String> municipalitiesOf(String username) {
        List<String> found = new ArrayList<>(jdbc.queryForList(
                "select municipality from user_municipalities where username = ? order by municipality",
                String.class,
                username));
        return found;
    }

    private static AuditEntry entry(String actor, Kind kind, String key, String action, String details) {
        return new AuditEntry(actor, action, kind == Kind.ACCOUNT ? "user" : "address", key, details);
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
