package nl.beslisstraat.engine.norms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The norm_versions and norm_amounts tables: insert-only, like decisions. */
@Repository
class NormStore {

    private static final TypeReference<Map<String, String>> KEYS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NormStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param municipality whose version it is; null for a national one */
    void insert(NormVersion version, String municipality, String createdBy, String approvedBy) {
        jdbc.update(
                "insert into norm_versions (version, municipality, effective_from, note, created_by, approved_by,"
                        + " content_hash) values (?, ?, ?, ?, ?, ?, ?)",
                version.version(),
                municipality,
                version.effectiveFrom(),
                version.note(),
                createdBy,
                approvedBy,
                version.contentHash());
        jdbc.batchUpdate(
                "insert into norm_amounts (version, norm, keys, valid_from, valid_until, amount)"
                        + " values (?, ?, ?::jsonb, ?, ?, ?)",
                version.amounts(),
                500,
                (insert, row) -> {
                    insert.setString(1, version.version());
                    insert.setString(2, row.norm());
                    insert.setString(3, json.writeValueAsString(row.keys()));
                    insert.setObject(4, row.validFrom());
                    insert.setObject(5, row.validUntil());
                    insert.setBigDecimal(6, row.amount());
                });
    }

    /**
     * Gives versions stored before content hashes existed the hash of their rows (once; the
     * database refuses any other change), and names any version whose rows no longer give the
     * hash it recorded.
     */
    List<String> fillContentHashes(List<NormVersion> versions) {
        List<String> differing = new ArrayList<>();
        for (NormVersion version : versions) {
            String hash = version.contentHash();
            jdbc.update(
                    "update norm_versions set content_hash = ? where version = ? and content_hash is null",
                    hash,
                    version.version());
            String recorded = jdbc.queryForObject(
                    "select content_hash from norm_versions where version = ?", String.class, version.version());
            if (!hash.equals(recorded)) {
                differing.add(version.version() + " (vastgelegd " + recorded + ", nu " + hash + ")");
            }
        }
        return differing;
    }

    /**
     * Serialises approvals of norm versions until the end of the transaction, so two colleagues
     * approving different versions for the same date cannot both succeed.
     */
    void lockVersions() {
        jdbc.query("select pg_advisory_xact_lock(hashtext('norm_versions'))", row -> {});
    }

    /** The municipality's (or the national) version in force from exactly this date (not withdrawn), if any. */
    List<String> inForceFrom(String municipality, LocalDate effectiveFrom) {
        return jdbc.queryForList(
                "select v.version from norm_versions v where v.effective_from = ?"
                        + " and v.municipality is not distinct from ?"
                        + " and not exists (select 1 from norm_withdrawals w where w.version = v.version)",
                String.class,
                effectiveFrom,
                municipality);
    }

    /** The municipality of every version that has one, by label. */
    Map<String, String> owners() {
        Map<String, String> owners = new java.util.HashMap<>();
        jdbc.query("select version, municipality from norm_versions where municipality is not null", row -> {
            owners.put(row.getString(1), row.getString(2));
        });
        return owners;
    }

    void withdraw(String version, String officer) {
        jdbc.update("insert into norm_withdrawals (version, withdrawn_by) values (?, ?)", version, officer);
    }

    Set<String> withdrawn() {
        return Set.copyOf(jdbc.queryForList("select version from norm_withdrawals", String.class));
    }

    List<NormVersion> all() {
        Map<String, List<NormAmount>> amounts = new LinkedHashMap<>();
        jdbc.query(
                "select version, norm, keys::text, valid_from, valid_until, amount from norm_amounts order by version, id",
                row -> {
                    amounts.computeIfAbsent(row.getString("version"), v -> new ArrayList<>())
                            .add(new NormAmount(
                                    row.getString("norm"),
                                    json.readValue(row.getString("keys"), KEYS),
                                    row.getObject("valid_from", LocalDate.class),
                                    row.getObject("valid_until", LocalDate.class),
                                    row.getBigDecimal("amount")));
                });
        return jdbc.query(
                "select version, effective_from, note from norm_versions order by effective_from",
                (row, n) -> new NormVersion(
                        row.getString("version"),
                        row.getObject("effective_from", LocalDate.class),
                        row.getString("note"),
                        amounts.getOrDefault(row.getString("version"), List.of())));
    }
}
