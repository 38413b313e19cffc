package nl.beslisstraat.engine.security;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.database.AfterCommit;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API keys of the e-services: issuing one (shown once), revoking one, listing them without
 * their secrets (all audited where they change), and verifying a key a request presents.
 *
 * <p>A key belongs to an account with the role INTAKE in one municipality, the same account that
 * may sign in with its password: one client, two ways to prove it. The key gives that account the
 * role INTAKE in that municipality and nothing else, and only while the key is not revoked, the
 * account is enabled and it still is an e-service there.
 *
 * <p>Verifying costs a SHA-256 and a constant-time comparison. What the database says of a key
 * (its hash, account, municipality, whether it may be used) is kept in memory for {@code
 * beslisstraat.api-keys.cache-ttl} (default 5 s), so a busy client costs no query per request. A
 * revocation made by this process takes effect at once (the entry is dropped); one made by another
 * engine process, or a disabled account or a role taken away, within that time. Ids that are no key
 * are never kept, so nobody can fill the memory with them.
 */
@Service
public class ApiKeys {

    /** A key as it is listed: never its secret, nor its hash. */
    public record Listed(
            String keyId,
            String username,
            String municipality,
            OffsetDateTime issuedAt,
            String issuedBy,
            OffsetDateTime revokedAt,
            String revokedBy) {}

    /** A key just issued: the only time its whole text exists outside the client. */
    public record Issued(String keyId, String username, String municipality, String key) {
        @Override
        public String toString() {
            return "Issued[" + keyId + ", " + username + ", " + municipality + "]"; // never the secret
        }
    }

    /** What a verified key stands for. */
    record Verified(String keyId, String username, String municipality, String municipalityName) {}

    private record Known(Verified key, byte[] secretHash, boolean usable, long loadedAt) {}

    /** More keys than any installation has; past it the memory is emptied rather than grown. */
    private static final int MAX_KEPT = 10_000;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final long ttlNanos;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** How many revocations this process committed: a key read while one committed is not kept. */
    private final AtomicLong revocations = new AtomicLong();

    ApiKeys(
            JdbcTemplate jdbc,
            AuditLog audit,
            JsonMapper json,
            PlatformTransactionManager transactions,
            @Value("${beslisstraat.api-keys.cache-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * Issues a key to the e-service {@code username} of the current thread's municipality, audited
     * there ({@code API_KEY_ISSUED}, with the key's id, never its secret).
     *
     * @throws AccountRefused when the account is no enabled e-service (INTAKE) of that municipality
     */
    public Issued issue(String username, String actor) {
        return issue(username, actor, null);
    }

    /**
     * As {@link #issue(String, String)}, from a form shown when the municipality had had {@code
     * keysSeen} keys. When it has had more since, a key was issued after the form was shown (most
     * likely by this same form, sent again by reloading the page that showed the key), and none is
     * issued: a second key nobody has seen must not come into force.
     *
     * @throws IssuedMeanwhile when the municipality has had more keys than the form saw
     */
    public Issued issueFromForm(String username, String actor, int keysSeen) {
        return issue(username, actor, keysSeen);
    }

    /** A key issued since the form was shown: nothing was issued now. */
    public static final class IssuedMeanwhile extends RuntimeException {
        IssuedMeanwhile() {
            super("a key was issued since the form was shown");
        }
    }

    private Issued issue(String username, String actor, Integer keysSeen) {
        String municipality = currentMunicipality();
        ApiKey key = ApiKey.generate();
        transaction.executeWithoutResult(status -> {
            if (keysSeen != null) {
                // one form at a time per municipality, so a double click issues one key too
                jdbc.queryForList(
                        "select pg_advisory_xact_lock(hashtext('api_keys:' || ?))::text", String.class, municipality);
                Integer keys = jdbc.queryForObject(
                        "select count(*) from api_keys where municipality = ?", Integer.class, municipality);
                if (keys == null || keys != keysSeen) {
                    throw new IssuedMeanwhile();
                }
            }
            // the membership and the account are locked until the key is stored: a withdrawal or a
            // disabling at the same time either waits and then revokes this key too, or comes first
            // and this issue is refused
            boolean intake = !jdbc.queryForList(
                            "select 1 from user_municipalities um join users u on u.username = um.username"
                                    + " where um.username = ? and um.municipality = ? and 'INTAKE' = any (um.roles)"
                                    + " and u.enabled for share of um, u",
                            Integer.class,
                            username,
                            municipality)
                    .isEmpty();
            if (!intake) {
                throw new AccountRefused(
                        "username",
                        Phrase.of(
                                "E-dienst: {0} is geen actieve e-dienst (INTAKE) van gemeente {1}.",
                                "E-service: {0} is no enabled e-service (INTAKE) of municipality {1}.",
                                username,
                                municipality));
            }
            try {
                jdbc.update(
                        "insert into api_keys (key_id, username, municipality, secret_sha256, issued_by)"
                                + " values (?, ?, ?, ?, ?)",
                        key.id(),
                        username,
                        municipality,
                        key.secretHash(),
                        actor);
            } catch (DuplicateKeyException sameId) {
                // 64 random bits: not seen in practice; refused rather than overwritten
                throw new IllegalStateException("A new API key's id was taken; issue it again", sameId);
            }
            audit.appendAll(List.of(
                    new AuditEntry(actor, "API_KEY_ISSUED", "user", username, details(key.id(), municipality))));
        });
        return new Issued(key.id(), username, municipality, key.token());
    }

    private String details(String keyId, String municipality) {
        return json.writeValueAsString(Map.of("keyId", keyId, "municipality", municipality));
    }

    /**
     * Revokes a key of the current thread's municipality, audited there ({@code API_KEY_REVOKED});
     * false when it has no such key that was still in force. Refused from this process's next
     * request on.
     */
    public boolean revoke(String keyId, String actor) {
        String municipality = currentMunicipality();
        boolean revoked = Boolean.TRUE.equals(transaction.execute(status -> {
            List<String> owners = jdbc.queryForList(
                    "update api_keys set revoked_at = clock_timestamp(), revoked_by = ?"
                            + " where key_id = ? and municipality = ? and revoked_at is null returning username",
                    String.class,
                    actor,
                    keyId,
                    municipality);
            if (owners.isEmpty()) {
                return false;
            }
            audit.appendAll(List.of(
                    new AuditEntry(actor, "API_KEY_REVOKED", "user", owners.get(0), details(keyId, municipality))));
            return true;
        }));
        forget(List.of(keyId));
        return revoked;
    }

    /**
     * Drops revoked keys from memory, once their revocation is committed. A request that read a
     * key before the commit may put it back after this; {@link #known} notices the count moved and
     * drops it again, so a revocation holds from this process's next request on.
     */
    private void forget(List<String> keyIds) {
        revocations.incrementAndGet();
        keyIds.forEach(known::remove);
    }

    /**
     * Revokes every key in force of an account in the current thread's municipality, each audited
     * there ({@code API_KEY_REVOKED}), in the caller's transaction: for an e-service that stops
     * working for it. Refused from this process's next request on. Returns the keys revoked.
     */
    public List<String> revokeAllOf(String username, String actor) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Keys are revoked in the transaction of what ends their account's role");
        }
        String municipality = currentMunicipality();
        List<String> revoked = jdbc.queryForList(
                "update api_keys set revoked_at = clock_timestamp(), revoked_by = ?"
                        + " where username = ? and municipality = ? and revoked_at is null returning key_id",
                String.class,
                actor,
                username,
                municipality);
        audit.appendAll(revoked.stream()
                .map(keyId -> new AuditEntry(actor, "API_KEY_REVOKED", "user", username, details(keyId, municipality)))
                .toList());
        AfterCommit.run(() -> forget(revoked));
        return revoked;
    }

    /** The keys of a municipality's e-services, newest first, without secrets. */
    public List<Listed> of(String municipality) {
        return jdbc.query(
                "select key_id, username, municipality, issued_at, issued_by, revoked_at, revoked_by from api_keys"
                        + " where municipality = ? order by issued_at desc, key_id",
                (row, n) -> new Listed(
                        row.getString("key_id"),
                        row.getString("username"),
                        row.getString("municipality"),
                        row.getObject("issued_at", OffsetDateTime.class),
                        row.getString("issued_by"),
                        row.getObject("revoked_at", OffsetDateTime.class),
                        row.getString("revoked_by")),
                municipality);
    }

    /**
     * What the presented text stands for, if it is a key in force of an enabled e-service; empty
     * for anything else, without saying why.
     */
    Optional<Verified> verify(String presented) {
        Optional<ApiKey> parsed = ApiKey.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = parsed.get();
        Known entry = known(key.id());
        // compared whatever the key's state, in constant time, so the answer's timing tells nothing
        boolean matches = entry != null && MessageDigest.isEqual(entry.secretHash(), key.secretHash());
        return matches && entry.usable() ? Optional.of(entry.key()) : Optional.empty();
    }

    private Known known(String keyId) {
        long now = System.nanoTime();
        Known entry = known.get(keyId);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry;
        }
        long revokedBefore = revocations.get();
        Known loaded = load(keyId, now);
        if (loaded == null) {
            known.remove(keyId);
            return null;
        }
        if (known.size() >= MAX_KEPT) {
            known.clear();
        }
        known.put(keyId, loaded);
        if (revocations.get() != revokedBefore) {
            known.remove(keyId); // read before a revocation committed: read again next time
        }
        return loaded;
    }

    private Known load(String keyId, long now) {
        return jdbc
                .query(
                        "select k.username, k.municipality, m.name, k.secret_sha256,"
                                + " k.revoked_at is null and u.enabled and coalesce('INTAKE' = any (um.roles), false)"
                                + " as usable"
                                + " from api_keys k join users u on u.username = k.username"
                                + " join municipalities m on m.cbs_code = k.municipality"
                                + " left join user_municipalities um"
                                + " on um.username = k.username and um.municipality = k.municipality"
                                + " where k.key_id = ?",
                        (row, n) -> new Known(
                                new Verified(
                                        keyId,
                                        row.getString("username"),
                                        row.getString("municipality"),
                                        row.getString("name")),
                                row.getBytes("secret_sha256"),
                                row.getBoolean("usable"),
                                now),
                        keyId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static String currentMunicipality() {
        return Municipality.current()
                .orElseThrow(() -> new IllegalStateException(
                        "API keys are issued in a municipality: work for one (Municipality.run) to issue them"));
    }
}
