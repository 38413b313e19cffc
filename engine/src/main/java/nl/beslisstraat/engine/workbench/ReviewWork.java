package nl.beslisstraat.engine.workbench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.cases.CaseStatus;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.database.WrittenText;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.decision.StoredDecision;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RegulationDescriptor;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import nl.beslisstraat.rules.Outcome;
import nl.beslisstraat.rules.calendar.WorkingDays;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reviewer does with a task: claim it (one reviewer at a time), release it, decide it
 * with a written motivation, and reopen a decided case on objection. Each step is one
 * transaction with its audit entry; the engine's advice is never changed, the reviewer's decision
 * is stored beside it.
 */
@Service
public class ReviewWork {

    /** A written motivation worth the name: a few words at least (Awb art. 3:46). */
    static final int MINIMUM_MOTIVATION = 10;
    /**
     * A motivation or objection as long as a few pages of a letter, and no longer: it is kept in the
     * decision and the audit trail for good, and read back with the case.
     */
    static final int MAXIMUM_TEXT = 20_000;
    /** Awb art. 7:10: an objection is decided within six weeks. */
    static final Period OBJECTION_TERM = Period.ofWeeks(6);
    /** More than any municipal fee or remission; also keeps 1e1000000 out of the decisions table. */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("100000000");

    private final ReviewTaskStore tasks;
    private final CaseStore cases;
    private final DecisionStore decisions;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RegulationCatalog regulations;

    ReviewWork(
            ReviewTaskStore tasks,
            CaseStore cases,
            DecisionStore decisions,
            AuditLog audit,
            JdbcTemplate jdbc,
            JsonMapper json,
            RegulationCatalog regulations) {
        this.tasks = tasks;
        this.cases = cases;
        this.decisions = decisions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.regulations = regulations;
    }

    /** Claims the task for this reviewer; returns the case it belongs to. */
    @Transactional
    public long claim(long taskId, String reviewer) {
        long caseId = caseOf(taskId);
        if (tookContestedDecision(taskId, caseId, reviewer)) {
            // Awb 7:5: an objection is heard by someone not involved in the contested decision.
            throw new ReviewRefused(
                    "U nam het besluit waartegen bezwaar is gemaakt; een collega behandelt het bezwaar (Awb 7:5).",
                    ReviewRefused.Kind.CONFLICT,
                    "contestedDecision",
                    caseId);
        }
        String lapsedHolder = holder(taskId);
        if (!tasks.claim(taskId, reviewer)) {
            String holder = holder(taskId);
            // the case number, which the reviewer sees in the queue; the task id means nothing to them
            throw holder == null
                    ? new ReviewRefused(
                            "Zaak " + caseId + " heeft geen open taak (meer).",
                            ReviewRefused.Kind.CONFLICT,
                            "notOpen",
                            caseId)
                    : new ReviewRefused(
                            "Zaak " + caseId + " is al opgepakt door " + holder + ".",
                            ReviewRefused.Kind.CONFLICT,
                            "claimedByOther",
                            caseId,
                            holder);
        }
        audit(
                reviewer,
                "TASK_CLAIMED",
                taskId,
                lapsedHolder == null || lapsedHolder.equals(reviewer)
                        ? Map.of()
                        : Map.of("lapsedClaimOf", lapsedHolder));
        return caseId;
    }

    @Transactional
    public long release(long taskId, String reviewer) {
        // a task this reviewer cannot see (another municipality's) is not found, not a conflict
        long caseId = caseOf(taskId);
        if (!tasks.release(taskId, reviewer)) {
            throw new ReviewRefused(
                    "U heeft zaak " + caseId + " niet in behandeling.",
                    ReviewRefused.Kind.CONFLICT,
                    "notYours",
                    caseId);
        }
        audit(reviewer, "TASK_RELEASED", taskId, Map.of());
        return caseId;
    }

    /**
     * Decides the case of a task the reviewer holds. The motivation is required; partial grants
     * exist only where the regulation allows them (remission).
     */
    @Transactional
    public void decide(long taskId, String reviewer, Outcome outcome, String motivation) {
        decide(taskId, reviewer, outcome, motivation, Map.of());
    }

    /**
     * @param amounts what a grant sets, by the regulation's amount names (the remitted amount of a
     *     partial remission, the fee of a permit); required for a partial grant, none for a refusal
     */
    @Transactional
    public void decide(
            long taskId, String reviewer, Outcome outcome, String motivation, Map<String, BigDecimal> amounts) {
        long caseId = caseOf(taskId);
        StoredCase stored = cases.find(caseId).orElseThrow();
        String text = written(motivation, "motivation", "Motivering", "Schrijf een motivering van ten minste ");
        if (outcome == null) {
            throw new ReviewRefused("Kies een uitkomst.", ReviewRefused.Kind.INVALID, "outcomeMissing");
        }
        if (!allowedOutcomes(stored.caseType()).contains(outcome)) {
            throw new ReviewRefused(
                    "Uitkomst " + outcome + " is voor " + stored.caseType() + " niet mogelijk.",
                    ReviewRefused.Kind.INVALID,
                    "outcomeNotAllowed",
                    new DefaultMessageSourceResolvable(new String[] {"outcome." + outcome}, outcome.name()));
        }
        Map<String, BigDecimal> set = checkedAmounts(stored.caseType(), outcome, amounts == null ? Map.of() : amounts);
        if (!tasks.close(taskId, reviewer)) {
            throw new ReviewRefused(
                    "Pak zaak " + caseId + " eerst op; alleen wie de taak heeft, kan beslissen.",
                    ReviewRefused.Kind.CONFLICT,
                    "claimFirst",
                    caseId);
        }
        if (!cases.move(caseId, CaseStatus.IN_REVIEW, CaseStatus.DECIDED)) {
            throw new ReviewRefused(
                    "Zaak " + caseId + " is niet (meer) in behandeling.",
                    ReviewRefused.Kind.CONFLICT,
                    "notInReview",
                    caseId);
        }
        decisions.insertByReviewer(caseId, taskId, reviewer, outcome.name(), stored.referenceDate(), text, set);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", taskId);
        details.put("outcome", outcome.name());
        details.put("motivation", text);
        if (!set.isEmpty()) {
            details.put("amounts", set);
        }
        audit.appendAll(List.of(new AuditEntry(
                reviewer,
                "CASE_DECIDED_BY_REVIEWER",
                "case",
                Long.toString(caseId),
                json.writeValueAsString(details))));
    }

    /** Reopens a decided case on objection (bezwaar): a new task, both decisions stay visible. */
    @Transactional
    public long object(long caseId, String reviewer, String reason) {
        // first: whatever the objection says, a case this reviewer cannot see is not found
        if (cases.find(caseId).isEmpty()) {
            throw new ReviewRefused("Zaak " + caseId + " bestaat niet.", ReviewRefused.Kind.NOT_FOUND);
        }
        String text = written(reason, "objection", "Bezwaar", "Beschrijf het bezwaar in ten minste ");
        List<StoredDecision> taken = decisions.findFor(caseId);
        if (taken.isEmpty() || !cases.move(caseId, CaseStatus.DECIDED, CaseStatus.IN_REVIEW)) {
            throw new ReviewRefused(
                    "Zaak " + caseId + " heeft geen genomen besluit om bezwaar tegen te maken.",
                    ReviewRefused.Kind.CONFLICT,
                    "nothingToObjectTo",
                    caseId);
        }
        LocalDate deadline = WorkingDays.onOrAfter(
                LocalDate.now(DecisionDeadline.NETHERLANDS).plus(OBJECTION_TERM));
        long taskId = tasks.openObjection(caseId, text, deadline);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", taskId);
        details.put("reason", text);
        audit.appendAll(List.of(new AuditEntry(
                reviewer, "OBJECTION_REGISTERED", "case", Long.toString(caseId), json.writeValueAsString(details))));
        return taskId;
    }

    /**
     * A reviewer's text as kept: trimmed, long enough to say something, short enough, storable.
     *
     * @param code what the text is, for the pages' messages ({@code refused.<code>.tooShort}, ...)
     */
    private static String written(String given, String code, String field, String tooShort) {
        String text = given == null ? "" : given.trim();
        // spaces of another kind or invisible characters only are no motivation a citizen can read
        if (text.length() < MINIMUM_MOTIVATION || !WrittenText.visible(text)) {
            throw new ReviewRefused(
                    tooShort + MINIMUM_MOTIVATION + " tekens.",
                    ReviewRefused.Kind.INVALID,
                    code + ".tooShort",
                    MINIMUM_MOTIVATION);
        }
        if (text.length() > MAXIMUM_TEXT) {
            throw new ReviewRefused(
                    field + ": hoogstens " + MAXIMUM_TEXT + " tekens, niet " + text.length() + ".",
                    ReviewRefused.Kind.INVALID,
                    code + ".tooLong",
                    MAXIMUM_TEXT,
                    text.length());
        }
        if (!WrittenText.storable(text)) {
            throw new ReviewRefused(
                    field + ": bevat een teken dat niet bewaard kan worden (een NUL-teken of een half"
                            + " surrogaatpaar); typ de tekst opnieuw.",
                    ReviewRefused.Kind.INVALID,
                    code + ".unstorable");
        }
        if (!WrittenText.readsAsWritten(text)) {
            throw new ReviewRefused(
                    field + ": bevat een onzichtbaar teken of een teken dat de leesrichting omdraait; typ de"
                            + " tekst opnieuw.",
                    ReviewRefused.Kind.INVALID,
                    code + ".hidden");
        }
        return text;
    }

    /**
     * Whether the reviewer, as a person, took a decision the objection of the task contests: the
     * same account, or another account of the same employee number (in any capitals).
     */
    private boolean tookContestedDecision(long taskId, long caseId, String reviewer) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select t.kind = 'OBJECTION' and exists (select 1 from decisions d left join users u"
                        + " on u.username = d.decided_by where d.case_id = ? and d.decided_at < t.created_at"
                        + " and (d.decided_by = ? or upper(u.person_id) = (select upper(person_id) from users"
                        + " where username = ?))) from review_tasks t where t.id = ?",
                Boolean.class,
                caseId,
                reviewer,
                reviewer,
                taskId));
    }

    /** The amounts of a reviewer's decision, checked against the regulation; refused when wrong. */
    private Map<String, BigDecimal> checkedAmounts(String caseType, Outcome outcome, Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> set = new LinkedHashMap<>();
        amounts.forEach((name, amount) -> {
            if (amount != null) {
                set.put(name, amount);
            }
        });
        List<String> known = amountNames(caseType);
        Map<String, Phrase> labels = amountLabels(caseType);
        for (Map.Entry<String, BigDecimal> amount : set.entrySet()) {
            if (!known.contains(amount.getKey())) {
                throw new ReviewRefused(
                        "Bedrag " + amount.getKey() + " hoort niet bij " + caseType + "; mogelijk: " + known + ".",
                        ReviewRefused.Kind.INVALID,
                        "amountUnknown",
                        amount.getKey());
            }
            if (amount.getValue().signum() < 0
                    || amount.getValue().compareTo(LARGEST_AMOUNT) > 0
                    || amount.getValue().stripTrailingZeros().scale() > 2) {
                throw new ReviewRefused(
                        "Bedrag " + amount.getKey() + ": een bedrag in euro's van nul tot "
                                + LARGEST_AMOUNT.toPlainString() + ", met ten hoogste twee decimalen.",
                        ReviewRefused.Kind.INVALID,
                        "amountOutOfRange",
                        labels.get(amount.getKey()),
                        Phrase.money(LARGEST_AMOUNT));
            }
        }
        if (!outcome.grants() && !set.isEmpty()) {
            throw new ReviewRefused(
                    "Een afwijzing kent geen bedragen.", ReviewRefused.Kind.INVALID, "noAmountsOnRejection");
        }
        if (outcome == Outcome.PARTIALLY_GRANTED && set.isEmpty()) {
            throw new ReviewRefused(
                    "Vermeld bij een gedeeltelijke toekenning het bedrag (" + String.join(", ", known) + ").",
                    ReviewRefused.Kind.INVALID,
                    "partialGrantWithoutAmount",
                    Phrase.join(Phrase.same(", "), List.copyOf(labels.values())));
        }
        set.replaceAll((name, amount) -> amount.setScale(2, RoundingMode.UNNECESSARY));
        return set;
    }

    /** The amounts an outcome of this case type can set, as its regulation names them. */
    public List<String> amountNames(String caseType) {
        return regulations
                .descriptor(caseType)
                .map(RegulationDescriptor::amountNames)
                .orElse(List.of());
    }

    /** The labels of the amounts an outcome of this case type can set, by name, in the language asked for. */
    public Map<String, String> amountLabels(String caseType, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        regulations
                .descriptor(caseType)
                .ifPresent(regulation ->
                        regulation.amounts().forEach(amount -> labels.put(amount.name(), amount.label(locale))));
        return labels;
    }

    /** The labels of the amounts an outcome of this case type can set, in both languages, by name. */
    private Map<String, Phrase> amountLabels(String caseType) {
        Map<String, Phrase> labels = new LinkedHashMap<>();
        regulations
                .descriptor(caseType)
                .ifPresent(regulation -> regulation
                        .amounts()
                        .forEach(amount -> labels.put(
                                amount.name(),
                                new Phrase(amount.label(Locale.forLanguageTag("nl")), amount.label(Locale.ENGLISH)))));
        return labels;
    }

    /** What a reviewer may record for a case of this type, as its {@code regulation.json} says. */
    Set<Outcome> allowedOutcomes(String caseType) {
        return Set.copyOf(regulations
                .descriptor(caseType)
                .map(RegulationDescriptor::reviewOutcomes)
                .orElse(RegulationDescriptor.DEFAULT_REVIEW_OUTCOMES));
    }

    /** The case a task belongs to; refused as not found when this reviewer cannot see it. */
    long caseOf(long taskId) {
        return jdbc.queryForList("select case_id from review_tasks where id = ?", Long.class, taskId).stream()
                .findFirst()
                .orElseThrow(
                        () -> new ReviewRefused("Taak " + taskId + " bestaat niet.", ReviewRefused.Kind.NOT_FOUND));
    }

    /** Who holds the open task (also when the claim has lapsed); null when nobody does. */
    private String holder(long taskId) {
        List<String> holders = jdbc.queryForList(
                "select claimed_by from review_tasks where id = ? and status = 'OPEN'", String.class, taskId);
        return holders.isEmpty() ? null : holders.get(0);
    }

    private void audit(String reviewer, String action, long taskId, Map<String, Object> details) {
        audit.appendAll(List.of(new AuditEntry(
                reviewer, action, "review-task", Long.toString(taskId), json.writeValueAsString(details))));
    }
}
