package nl.beslisstraat.engine.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.beslisstraat.engine.audit.ChainReservation;
import nl.beslisstraat.engine.audit.JsonbText;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.database.BulkInsert;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The decisions table: insert-only. The database refuses any update or delete. */
@Repository
public class DecisionStore {

    static final String ENGINE = "engine";

    /** What the engine writes of an automated decision; the table fills in id, time, municipality and link. */
    private static final List<String> AUTOMATED_COLUMNS = List.of(
            "case_id",
            "outcome",
            "automated",
            "decided_by",
            "reference_date",
            "rule_set_version",
            "norm_version",
            "reasons",
            "amounts",
            "dates",
            "fired_rules",
            "error",
            "run_id",
            "rule_set_hash",
            "norm_hash",
            "input_hash");

    /**
     * The columns of a decision the engine links itself (V35): {@link #AUTOMATED_COLUMNS} and then
     * what the table would otherwise fill in, given instead, in {@link #linkedRow}'s order.
     */
    private static final List<String> LINKED_COLUMNS = Stream.concat(
                    AUTOMATED_COLUMNS.stream(),
                    Stream.of("id", "decided_at", "municipality", "chain_lane", "chain_position", "chain_hash"))
            .toList();

    private static final Logger log = LoggerFactory.getLogger(DecisionStore.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;

    public DecisionStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.json = json;
    }

    /** The id and time a case's decision row was given. */
    record Stamp(long decisionId, OffsetDateTime decidedAt) {}

    /**
     * Inserts the automated decisions; per case id, the id and time each row was given. The rows
     * come with their chain links (V35), computed here from the same content the database would
     * hash; a batch holding a value this cannot render exactly as the database does is linked by
     * the database's trigger instead.
     */
    Map<Long, Stamp> insertAutomated(List<DecidedCase> decided) {
        Optional<String> municipality = Municipality.current();
        if (municipality.isPresent()) {
            ChainReservation chain = ChainReservation.reserve(jdbc, "decisions", decided.size());
            try {
                String decidedAt = JsonbText.timestamp(chain.at());
                List<Object[]> rows = new ArrayList<>(decided.size());
                for (int i = 0; i < decided.size(); i++) {
                    rows.add(linkedRow(decided.get(i), chain.id(i), decidedAt, chain, municipality.get()));
                }
                BulkInsert.into(dataSource, "decisions", LINKED_COLUMNS, rows, row -> row);
                Map<Long, Stamp> byCase = new HashMap<>();
                for (int i = 0; i < decided.size(); i++) {
                    byCase.put(decided.get(i).caseId(), new Stamp(chain.id(i), chain.at()));
                }
                return byCase;
            } catch (JsonbText.NotRenderable e) {
                log.info("Decisions linked by the database: {}", e.getMessage());
            }
        }
        return insertLinkedByDatabase(decided);
    }

    /**
     * A decision row with its link: the values as the table's columns read them, and the row's
     * content (every column but the chain's and the versions' hashes, nulls left out) hashed onto
     * the one before it.
     */
    private static Object[] linkedRow(
            DecidedCase decidedCase, long id, String decidedAt, ChainReservation chain, String municipality) {
        DecisionOutcome outcome = decidedCase.outcome();
        List<Map<String, Object>> reasons = stored(outcome.reasons());
        Map<String, String> amounts = plain(outcome.amounts());
        Map<String, String> dates = stored(outcome.dates());
        List<String> firedRules = outcome.firedRules();
        String referenceDate = JsonbText.date(outcome.referenceDate());
        String reasonsText = JsonbText.of(reasons);
        String amountsText = JsonbText.of(amounts);
        String datesText = JsonbText.of(dates);
        String firedRulesText = JsonbText.of(firedRules);
        String content = new JsonbText.StrippedObject()
                .number("id", id)
                .number("case_id", decidedCase.caseId())
                .text("outcome", outcome.outcome().name())
                .bool("automated", true)
                .text("decided_by", ENGINE)
                .text("decided_at", decidedAt)
                .text("reference_date", referenceDate)
                .text("rule_set_version", outcome.ruleSetVersion())
                .text("norm_version", outcome.normVersion())
                .json("reasons", reasons, reasonsText)
                .json("amounts", amounts, amountsText)
                .json("dates", dates, datesText)
                .json("fired_rules", firedRules, firedRulesText)
                .text("error", outcome.error())
                .number("run_id", decidedCase.runId())
                .text("input_hash", decidedCase.inputDigest())
                .text("municipality", municipality)
                .toString();
        ChainReservation.Link link = chain.link(content);
        Object[] row = Arrays.copyOf(
                automatedValues(decidedCase, referenceDate, reasonsText, amountsText, datesText, firedRulesText),
                LINKED_COLUMNS.size());
        int given = AUTOMATED_COLUMNS.size();
        row[given] = id;
        row[given + 1] = decidedAt;
        row[given + 2] = municipality;
        row[given + 3] = link.lane();
        row[given + 4] = link.position();
        row[given + 5] = link.hash();
        return row;
    }

    /** The values of {@link #AUTOMATED_COLUMNS}, the JSON columns as given. */
    private static Object[] automatedValues(
            DecidedCase decidedCase,
            Object referenceDate,
            String reasons,
            String amounts,
            String dates,
            String firedRules) {
        DecisionOutcome outcome = decidedCase.outcome();
        return new Object[] {
            decidedCase.caseId(),
            outcome.outcome().name(),
            "t",
            ENGINE,
            referenceDate,
            outcome.ruleSetVersion(),
            outcome.normVersion(),
            reasons,
            amounts,
            dates,
            firedRules,
            outcome.error(),
            decidedCase.runId(),
            outcome.ruleSetHash(),
            outcome.normHash(),
            decidedCase.inputDigest()
        };
    }

    private Map<Long, Stamp> insertLinkedByDatabase(List<DecidedCase> decided) {
        List<Map.Entry<Long, Stamp>> stamps = BulkInsert.into(
                dataSource,
                "decisions",
                AUTOMATED_COLUMNS,
                decided,
                decidedCase -> {
                    DecisionOutcome outcome = decidedCase.outcome();
                    return automatedValues(
                            decidedCase,
                            outcome.referenceDate(),
                            json.writeValueAsString(stored(outcome.reasons())),
                            json.writeValueAsString(plain(outcome.amounts())),
                            json.writeValueAsString(stored(outcome.dates())),
                            json.writeValueAsString(outcome.firedRules()));
                },
                "case_id, id, decided_at",
                (row, n) -> Map.entry(
                        row.getLong("case_id"),
                        new Stamp(row.getLong("id"), row.getObject("decided_at", OffsetDateTime.class))));
        Map<Long, Stamp> byCase = new HashMap<>();
        stamps.forEach(stamp -> byCase.put(stamp.getKey(), stamp.getValue()));
        return byCase;
    }

    /**
     * A recorded automated decision as {@link #findFor} reads it back, built from what was written:
     * the same values, read from the same JSON text the row holds.
     */
    public StoredDecision asStored(RecordedDecision recorded) {
        DecisionOutcome outcome = recorded.decided().outcome();
        return new StoredDecision(
                recorded.decisionId(),
                recorded.decided().caseId(),
                outcome.outcome().name(),
                true,
                ENGINE,
                recorded.decidedAt(),
                outcome.referenceDate(),
                outcome.ruleSetVersion(),
                outcome.normVersion(),
                json.valueToTree(stored(outcome.reasons())),
                json.valueToTree(plain(outcome.amounts())),
                json.valueToTree(stored(outcome.dates())),
                json.valueToTree(outcome.firedRules()),
                outcome.error(),
                recorded.decided().runId(),
                outcome.ruleSetHash(),
                outcome.normHash());
    }

    /**
     * Records a reviewer's decision beside the engine's advice: not automated, by this person,
     * with their own motivation, closing the review task it refers to.
     */
    public void insertByReviewer(
            long caseId,
            long reviewTaskId,
            String reviewer,
            String outcome,
            LocalDate referenceDate,
            String motivation,
            Map<String, BigDecimal> amounts) {
        Map<String, String> decimals = new LinkedHashMap<>();
        amounts.forEach((name, amount) -> decimals.put(name, amount.toPlainString())); // as the engine stores them
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("code", "REVIEWER_DECISION");
        reason.put("outcome", outcome);
        reason.put("rule", null);
        reason.put("motivation", Map.of("nl", motivation, "en", motivation));
        // the digest of the input as stored, taken in the statement that links the row
        jdbc.update(
                "insert into decisions (case_id, outcome, automated, decided_by, reference_date, reasons, amounts,"
                        + " fired_rules, review_task_id, input_hash) values (?, ?, false, ?, ?, ?::jsonb, ?::jsonb, '[]', ?,"
                        + " (select " + InputDigest.IN_SQL.formatted("input") + " from cases where id = ?))",
                caseId,
                outcome,
                reviewer,
                referenceDate,
                json.writeValueAsString(List.of(reason)),
                json.writeValueAsString(decimals),
                reviewTaskId,
                caseId);
    }

    public List<StoredDecision> findFor(long caseId) {
        return jdbc.query(
                "select id, case_id, outcome, automated, decided_by, decided_at, reference_date, rule_set_version,"
                        + " norm_version, reasons::text, amounts::text, dates::text, fired_rules::text, error, run_id,"
                        + " rule_set_hash, norm_hash from decisions where case_id = ? order by id",
                (row, n) -> new StoredDecision(
                        row.getLong("id"),
                        row.getLong("case_id"),
                        row.getString("outcome"),
                        row.getBoolean("automated"),
                        row.getString("decided_by"),
                        row.getObject("decided_at", OffsetDateTime.class),
                        row.getObject("reference_date", LocalDate.class),
                        row.getString("rule_set_version"),
                        row.getString("norm_version"),
                        json.readTree(row.getString("reasons")),
                        json.readTree(row.getString("amounts")),
                        json.readTree(row.getString("dates")),
                        json.readTree(row.getString("fired_rules")),
                        row.getString("error"),
                        row.getObject("run_id", Long.class),
                        row.getString("rule_set_hash"),
                        row.getString("norm_hash")),
                caseId);
    }

    /**
     * The rule-set versions named by decisions recorded before content hashes existed (or whose
     * label was ambiguous when hashes were filled in).
     */
    public List<String> ruleSetVersionsWithoutHash() {
        return jdbc.queryForList(
                "select distinct rule_set_version from decisions where rule_set_hash is null"
                        + " and rule_set_version is not null",
                String.class);
    }

    /** The norm versions named by decisions recorded before content hashes existed. */
    public List<String> normVersionsWithoutHash() {
        return jdbc.queryForList(
                "select distinct norm_version from decisions where norm_hash is null and norm_version is not null",
                String.class);
    }

    /**
     * Fills in the hash of the content a label names on the decisions that name it and have none:
     * the one change the database allows on a decision (V12).
     */
    public int fillRuleSetHash(String ruleSetVersion, String contentHash) {
        return jdbc.update(
                "update decisions set rule_set_hash = ? where rule_set_version = ? and rule_set_hash is null",
                contentHash,
                ruleSetVersion);
    }

    public int fillNormHash(String normVersion, String contentHash) {
        return jdbc.update(
                "update decisions set norm_hash = ? where norm_version = ? and norm_hash is null",
                contentHash,
                normVersion);
    }

    /**
     * Reasons as the decisions table holds them: per reason its code, outcome, rule and
     * motivation (a sentence per language), each as text.
     */
    static List<Map<String, Object>> stored(List<Reason> reasons) {
        List<Map<String, Object>> stored = new ArrayList<>(reasons.size());
        for (Reason reason : reasons) {
            Map<String, Object> one = new LinkedHashMap<>(8);
            one.put("code", reason.code());
            one.put(
                    "outcome",
                    reason.outcome() == null ? null : reason.outcome().name());
            one.put("rule", reason.rule());
            one.put("motivation", reason.motivation());
            stored.add(one);
        }
        return stored;
    }

    /** Dates travel as ISO text ("2026-12-01"). */
    static Map<String, String> stored(Map<String, LocalDate> dates) {
        Map<String, String> stored = new LinkedHashMap<>();
        dates.forEach((name, date) -> stored.put(name, date.toString()));
        return stored;
    }

    /** Amounts travel as decimal strings ("240.00"), never as binary floating point. */
    static Map<String, String> plain(Map<String, BigDecimal> amounts) {
        Map<String, String> plain = new LinkedHashMap<>();
        amounts.forEach((name, value) -> plain.put(name, value.toPlainString()));
        return plain;
    }
}
