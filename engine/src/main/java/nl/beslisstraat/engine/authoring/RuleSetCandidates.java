package nl.beslisstraat.engine.authoring;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.database.AfterCommit;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.ExampleCase;
import nl.beslisstraat.engine.regulation.ExampleCases;
import nl.beslisstraat.engine.regulation.LocalChoice;
import nl.beslisstraat.engine.regulation.LocalChoices;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RegulationDescriptor;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.engine.regulation.RuleSetCompilationException;
import nl.beslisstraat.engine.regulation.dmn.DmnModelCheck;
import nl.beslisstraat.engine.regulation.dmn.DmnTableAnalysis;
import nl.beslisstraat.engine.regulation.table.DecisionTable;
import nl.beslisstraat.engine.regulation.table.TableReader;
import nl.beslisstraat.engine.regulation.table.TableRefused;
import nl.beslisstraat.engine.regulation.table.TableVerifier;
import nl.beslisstraat.engine.regulation.table.TableWriter;
import nl.beslisstraat.engine.regulation.table.Verification;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.engine.vocabulary.CaseVocabulary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of an uploaded rule-set version: checked and compiled on upload with the regulation's
 * example cases run against it (a draft); approved by a colleague, never its author, with the
 * date from which it applies, and put in force at once without a restart; or withdrawn before
 * that date. Every step is in the audit log. Approved versions are put in force again at start-up.
 */
@Service
public class RuleSetCandidates {

    private static final TypeReference<List<ExampleResult>> RESULTS = new TypeReference<>() {};
    /** The format of a municipality's values for a shared model's local choices. */
    static final String CHOICES = "CHOICES";

    /** The largest table or model file an upload may be; every reader refuses a larger one, naming the limit. */
    static final int LARGEST_FILE = 2 * 1024 * 1024;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RuleSetCandidates.class);

    private final RegulationCatalog regulations;
    /** Compiled drafts, kept from upload to simulation: compiling a table takes seconds. */
    private final Map<Long, RuleSet> compiledDrafts = new java.util.concurrent.ConcurrentHashMap<>();

    private final DecisionService decisions;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    /** Writes a draft's findings in both languages, so a page can show its own later. */
    private final JsonMapper stored;

    private final ApplicationEventPublisher events;
    private final UserAccounts accounts;
    private final OfficerJobs jobs;
    private final RuleSetLabels labels;

    RuleSetCandidates(
            RegulationCatalog regulations,
            DecisionService decisions,
            JdbcTemplate jdbc,
            AuditLog audit,
            JsonMapper json,
            ApplicationEventPublisher events,
            UserAccounts accounts,
            OfficerJobs jobs) {
        this.labels = new RuleSetLabels(jdbc, regulations);
        this.regulations = regulations;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.stored = Phrase.storing(json);
        this.events = events;
        this.accounts = accounts;
        this.jobs = jobs;
        labels.recordShipped(regulations.shipped());
        // Uploads are under row-level security: each municipality's are put in force in its own name.
        for (String municipality :
                jdbc.queryForList("select cbs_code from municipalities order by cbs_code", String.class)) {
            Municipality.run(municipality, () -> putApprovedInForce(municipality));
        }
        regulations.archive(this::withdrawnVersion);
        regulations.choicesArchive(this::withdrawnChoices);
    }

    private void putApprovedInForce(String municipality) {
        for (Candidate approved : list(null, "APPROVED")) {
            if (!regulations.knows(approved.caseType())) {
                log.error(
                        "Upload {} of {} is not put in force: its regulation could not be started",
                        approved.id(),
                        approved.caseType());
                continue;
            }
            if (approved.format().equals(CHOICES)) {
                regulations.register(choices(approved.id()));
                continue;
            }
            if (regulations.ships(approved.caseType() + "/" + approved.version())) {
                // approved before labels were guarded: the shipped content keeps its label
                log.error(
                        "Upload {} takes the label of shipped version {}/{}; it is not put in force",
                        approved.id(),
                        approved.caseType(),
                        approved.version());
                continue;
            }
            RuleSet ruleSet = compile(approved.id());
            labels.fillContentHash(approved.id(), ruleSet);
            regulations.register(municipality, ruleSet);
        }
    }

    /** Checks, compiles and tries an upload; stores it as a draft with its example results. */
    @Transactional
    public Candidate upload(String caseType, String version, byte[] table, String author) {
        return upload(caseType, version, table, null, author);
    }

    /**
     * @param table an XLSX or CSV decision table or a DMN model (told apart by their content)
     * @param officerExamples example cases in the regulation's CSV layout, run beside the
     *     regulation's own; null for none
     */
    @Transactional
    public Candidate upload(String caseType, String version, byte[] table, String officerExamples, String author) {
        if (!regulations.knows(caseType) || !regulations.isFor(municipality(), caseType)) {
            throw new InvalidUpload(unknownCaseType(caseType));
        }
        TableFormat format = TableFormat.of(table);
        // An officer's file is read before anything compiles it: a table into the typed rows of
        // its template (or refused), a DMN model checked for calls into Java.
        List<Phrase> problems = check(caseType, format, table);
        if (!problems.isEmpty()) {
            throw new InvalidUpload(problems);
        }
        return store(caseType, version, format, table, officerExamples, author);
    }

    /**
     * Compiles, tries and stores a checked upload, or a version the product shipped or approved
     * before (trusted as it is: its structure may be an older one).
     *
     * @param content a table (XLSX or CSV) or a DMN model, as uploaded
     */
    private Candidate store(
            String caseType,
            String version,
            TableFormat format,
            byte[] content,
            String officerExamples,
            String author) {
        checkVersion(version);
        labels.reserve(caseType, version);
        RuleSet candidate;
        List<ExampleResult> results = new ArrayList<>();
        Verification verification;
        // The officer's job, from compiling to verifying: refused while the officer's simulation
        // runs, and within its budget, so that no officer has more than one core busy at a time.
        try (OfficerJobs.Job job = jobs.start(author, OfficerJobs.Kind.EXAMPLES, null)) {
            try {
                candidate = compile(caseType, version, LocalDate.MAX, format, content);
            } catch (RuleSetCompilationException e) {
                throw new InvalidUpload(Phrase.of(
                        "De regels laten zich niet vertalen: {0}", "The rules cannot be translated: {0}", e.phrase()));
            }
            results.addAll(examples(candidate, job));
            if (officerExamples != null && !officerExamples.isBlank()) {
                results.addAll(officerExamples(candidate, officerExamples, job));
            }
            verification = verify(candidate, format, content);
        }
        long id;
        try {
            id = jdbc.queryForObject(
                    "insert into rule_set_candidates (case_type, version, table_resource, content,"
                            + " format, officer_examples, author, example_results, verification, content_hash)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) returning id",
                    Long.class,
                    caseType,
                    version,
                    candidate.tableResource(),
                    content,
                    format.name(),
                    officerExamples,
                    author,
                    json.writeValueAsString(results),
                    stored.writeValueAsString(verification),
                    candidate.contentHash());
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            throw new InvalidUpload(Phrase.of(
                    "Versie {0} van {1} bestaat al; kies een nieuw nummer.",
                    "Version {0} of {1} exists already; choose a new number.",
                    version,
                    regulations.caseTypeName(caseType)));
        }
        labels.fillContentHash(id, candidate);
        audit(
                author,
                "RULE_SET_UPLOADED",
                id,
                Map.of(
                        "caseType",
                        caseType,
                        "version",
                        version,
                        "format",
                        format,
                        "contentHash",
                        candidate.contentHash()));
        compiledDrafts.put(id, candidate);
        events.publishEvent(new DraftUploaded(DraftUploaded.Kind.RULE_SET, id));
        return find(id);
    }

    /**
     * A municipality's values for the local choices of a shared model, as a draft of its own:
     * checked against the model's types and ranges (every problem named by its choice), set into
     * the model's rules in force for the municipality, tried on the model's example cases and the
     * officer's own, and then approved by a colleague like any version. A choice left out follows
     * the model.
     *
     * @param values by choice name, as typed ("180,00" or "180.00")
     * @param officerExamples the municipality's own example cases in the regulation's CSV layout,
     *     with the outcomes and amounts its choices give; null for none
     */
    @Transactional
    public Candidate uploadChoices(
            String caseType, String version, Map<String, String> values, String officerExamples, String author) {
        String municipality = municipality();
        RegulationDescriptor model = regulations.knows(caseType) && regulations.isFor(municipality, caseType)
                ? regulations.descriptor(caseType).orElseThrow()
                : null;
        if (model == null) {
            throw new InvalidUpload(unknownCaseType(caseType));
        }
        if (model.localChoices().isEmpty()) {
            throw new InvalidUpload(Phrase.of(
                    "{0} laat gemeenten geen lokale keuzes; alle gemeenten beslissen volgens het model.",
                    "{0} leaves municipalities no local choices; every municipality decides by the model.",
                    regulations.caseTypeName(caseType)));
        }
        checkVersion(version);
        LocalChoices.Draft checked = LocalChoices.draft(municipality, model, version, values);
        if (!checked.problems().isEmpty()) {
            throw new InvalidUpload(checked.problems());
        }
        LocalChoices draft = checked.choices();
        if (jdbc.queryForObject(
                        "select count(*) from rule_set_candidates where case_type = ? and version = ?",
                        Long.class,
                        caseType,
                        version)
                > 0) {
            throw new InvalidUpload(versionTaken(version, caseType));
        }
        RuleSet candidate;
        List<ExampleResult> results = new ArrayList<>();
        Verification verification;
        try (OfficerJobs.Job job = jobs.start(author, OfficerJobs.Kind.EXAMPLES, null)) {
            try {
                candidate = regulations.withChoices(
                        regulations.base(municipality, caseType, LocalDate.now(DecisionDeadline.NETHERLANDS)), draft);
            } catch (RuleSetCompilationException e) {
                throw new InvalidUpload(e.phrase());
            }
            results.addAll(examples(candidate, job));
            if (officerExamples != null && !officerExamples.isBlank()) {
                results.addAll(officerExamples(candidate, officerExamples, job));
            }
            verification = candidate
                    .table()
                    .map(table ->
                            TableVerifier.verify(table, candidate.inputSchema().titles()))
                    .orElse(null);
        }
        long id;
        try {
            id = jdbc.queryForObject(
                    "insert into rule_set_candidates (case_type, version, table_resource, content,"
                            + " format, officer_examples, author, example_results, verification, content_hash)"
                            + " values (?, ?, 'local-choices', ?, 'CHOICES', ?, ?, ?::jsonb, ?::jsonb, ?) returning id",
                    Long.class,
                    caseType,
                    version,
                    draft.canonical(),
                    officerExamples,
                    author,
                    json.writeValueAsString(results),
                    verification == null ? null : stored.writeValueAsString(verification),
                    draft.contentHash());
        } catch (org.springframework.dao.DuplicateKeyException taken) { // drafted meanwhile under this number
            throw new InvalidUpload(versionTaken(version, caseType));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseType", caseType);
        details.put("version", version);
        details.put("format", CHOICES);
        details.put("choices", new LinkedHashMap<>(draft.values()));
        details.put("contentHash", draft.contentHash());
        audit(author, "RULE_SET_UPLOADED", id, details);
        compiledDrafts.put(id, candidate);
        events.publishEvent(new DraftUploaded(DraftUploaded.Kind.RULE_SET, id));
        return find(id);
    }

    /**
     * Each local choice of a shared model as it applies to the signed-in officer's municipality
     * today: its type and range, the model's value, and the municipality's value in force.
     */
    public List<ChoiceInForce> choicesInForce(String caseType) {
        if (!regulations.knows(caseType) || !regulations.isFor(municipality(), caseType)) {
            throw new ApprovalRefused.NotFound(unknownCaseType(caseType));
        }
        String municipality = municipality();
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        RuleSet base = regulations.base(municipality, caseType, today);
        Map<String, java.math.BigDecimal> modelValues = base.choiceValues();
        Map<String, java.math.BigDecimal> own = regulations
                .choicesInForce(municipality, caseType, today)
                .map(LocalChoices::values)
                .map(Map::copyOf)
                .orElse(Map.of());
        return base.descriptor().localChoices().stream()
                .map(choice -> new ChoiceInForce(choice, modelValues.get(choice.name()), own.get(choice.name())))
                .toList();
    }

    /**
     * @param modelValue what the model in force sets
     * @param ownValue what the municipality set, or null when it follows the model
     */
    public record ChoiceInForce(LocalChoice choice, java.math.BigDecimal modelValue, java.math.BigDecimal ownValue) {}

    /** The values a version of choices sets, in the model's order, with their choices; empty for rules. */
    public List<ChoiceInForce> choiceValues(long id) {
        Candidate candidate = find(id);
        if (!candidate.format().equals(CHOICES)) {
            return List.of();
        }
        Map<String, java.math.BigDecimal> values = choices(id).values();
        RuleSet base = baseOf(candidate);
        return base.descriptor().localChoices().stream()
                .filter(choice -> values.containsKey(choice.name()))
                .map(choice ->
                        new ChoiceInForce(choice, base.choiceValues().get(choice.name()), values.get(choice.name())))
                .toList();
    }

    private static Phrase unknownCaseType(String caseType) {
        return Phrase.of("Onbekend zaaktype {0}", "Unknown case type {0}", caseType);
    }

    private Phrase versionTaken(String version, String caseType) {
        return Phrase.of(
                "version: versie {0} van {1} bestaat al; kies een nieuw nummer.",
                "version: version {0} of {1} exists already; choose a new number.",
                version,
                regulations.caseTypeName(caseType));
    }

    /** The municipality this officer works for; an upload always belongs to one. */
    private static String municipality() {
        return Municipality.current()
                .orElseThrow(() -> new ApprovalRefused(new Phrase(
                        "Er is geen gemeente gekozen; kies eerst voor welke gemeente u werkt.",
                        "No municipality is chosen; first choose the municipality you work for.")));
    }

    private static void checkVersion(String version) {
        if (version == null || !version.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,39}")) {
            throw new InvalidUpload(Phrase.of(
                    "version: '{0}' is geen versienummer zoals 2027.1",
                    "version: '{0}' is no version number such as 2027.1", version));
        }
    }

    /** A version of choices by its row. */
    private LocalChoices choices(long id) {
        Map<String, Object> row = jdbc.queryForMap(
                "select municipality, case_type, version, effective_from, content from rule_set_candidates"
                        + " where id = ? and format = 'CHOICES'",
                id);
        java.sql.Date from = (java.sql.Date) row.get("effective_from");
        return LocalChoices.read(
                (String) row.get("municipality"),
                (String) row.get("case_type"),
                (String) row.get("version"),
                from == null ? null : from.toLocalDate(),
                (byte[]) row.get("content"));
    }

    /**
     * Choices approved once and withdrawn before their date, which a decision may still name; only
     * the municipality's own are found (row-level security).
     */
    private Optional<LocalChoices> withdrawnChoices(String municipality, String caseType, String version) {
        return jdbc
                .queryForList(
                        "select id from rule_set_candidates where municipality = ? and case_type = ? and version = ?"
                                + " and format = 'CHOICES' and effective_from is not null",
                        Long.class,
                        municipality,
                        caseType,
                        version)
                .stream()
                .findFirst()
                .map(this::choices);
    }

    /** The rules a version of choices is set on: those in force for its municipality from its date. */
    private RuleSet baseOf(Candidate candidate) {
        LocalDate on = candidate.effectiveFrom() != null
                ? candidate.effectiveFrom()
                : LocalDate.now(DecisionDeadline.NETHERLANDS);
        return regulations.base(municipality(), candidate.caseType(), on);
    }

    /**
     * Brings back an earlier version (shipped, or uploaded and approved) as a new draft with a new
     * version number: its table exactly as it was, tried on today's example cases, then approved
     * like any upload with the date from which it applies again. A draft that was never approved
     * cannot be brought back this way: that would pass unapproved content off as approved.
     */
    @Transactional
    public Candidate reactivate(String caseType, String earlierVersion, String newVersion, String author) {
        String label = caseType + "/" + earlierVersion;
        if (regulations.ships(label)) { // shipped: its table is on the classpath, whatever an upload says
            RuleSet earlier = regulations.version(label);
            return reactivated(
                    caseType,
                    earlierVersion,
                    true,
                    store(
                            caseType,
                            newVersion,
                            TableFormat.valueOf(earlier.format()),
                            earlier.tableContent(),
                            null,
                            author));
        }
        List<Map<String, Object>> uploaded = jdbc.queryForList(
                "select content, format, status, approved_at from rule_set_candidates"
                        + " where case_type = ? and version = ?",
                caseType,
                earlierVersion);
        if (uploaded.isEmpty()) {
            throw new ApprovalRefused.NotFound(Phrase.of(
                    "Versie {0} van {1} bestaat niet.",
                    "Version {0} of {1} does not exist.", earlierVersion, regulations.caseTypeName(caseType)));
        }
        Map<String, Object> row = uploaded.get(0);
        if (row.get("approved_at") == null) {
            throw new ApprovalRefused(Phrase.of(
                    "Versie {0} van {1} is {2}; alleen een meegeleverde of goedgekeurde versie kan worden teruggezet.",
                    "Version {0} of {1} is {2}; only a shipped or approved version can be brought back.",
                    earlierVersion,
                    regulations.caseTypeName(caseType),
                    "DRAFT".equals(row.get("status"))
                            ? new Phrase("een concept", "a draft")
                            : new Phrase(
                                    "ingetrokken voordat die was goedgekeurd", "withdrawn before it was approved")));
        }
        if (CHOICES.equals(row.get("format"))) {
            Map<String, String> values = new LinkedHashMap<>();
            LocalChoices.read(municipality(), caseType, earlierVersion, null, (byte[]) row.get("content"))
                    .values()
                    .forEach((name, value) -> values.put(name, value.toPlainString()));
            return reactivated(
                    caseType, earlierVersion, false, uploadChoices(caseType, newVersion, values, null, author));
        }
        return reactivated(
                caseType,
                earlierVersion,
                false,
                store(
                        caseType,
                        newVersion,
                        TableFormat.valueOf((String) row.get("format")),
                        (byte[]) row.get("content"),
                        null,
                        author));
    }

    /**
     * Keeps with a reactivation the version it brings back and who wrote that version (none for a
     * shipped one): the officer who reactivates is its author, and neither may approve it.
     */
    private Candidate reactivated(String caseType, String earlierVersion, boolean shipped, Candidate draft) {
        if (shipped) {
            // the product's own content: no officer wrote it, whatever an upload under its label says
            jdbc.update("update rule_set_candidates set reactivated_from = ? where id = ?", earlierVersion, draft.id());
        } else {
            jdbc.update(
                    "update rule_set_candidates d set reactivated_from = ?, origin_author = e.author,"
                            + " origin_author_person = e.author_person from rule_set_candidates e"
                            + " where e.case_type = ? and e.version = ? and d.id = ?",
                    earlierVersion,
                    caseType,
                    earlierVersion,
                    draft.id());
        }
        Candidate reactivated = find(draft.id());
        audit(
                draft.author(),
                "RULE_SET_REACTIVATED",
                draft.id(),
                Map.of(
                        "from",
                        earlierVersion,
                        "originAuthor",
                        Objects.requireNonNullElse(reactivated.authorship().originAuthor(), "(meegeleverd)")));
        return reactivated;
    }

    /** A colleague approves a draft and sets the date from which it applies; it is in force at once. */
    @Transactional
    public Candidate approve(long id, String approver, LocalDate effectiveFrom) {
        Candidate candidate = find(id);
        if (regulations.ships(candidate.caseType() + "/" + candidate.version())) {
            // a draft stored before labels were guarded: approving it would replace shipped rules
            throw new ApprovalRefused(Phrase.of(
                    "Versielabel {0} van {1} is een meegeleverde versie; deze upload kan niet onder dat label worden"
                            + " goedgekeurd.",
                    "Version label {0} of {1} is a shipped version; this upload cannot be approved under that"
                            + " label.",
                    candidate.version(),
                    regulations.caseTypeName(candidate.caseType())));
        }
        refuseConflicts(candidate);
        FourEyes.approve(
                jdbc,
                accounts,
                "rule_set_candidates",
                id,
                candidate.author(),
                candidate.authorship(),
                approver,
                candidate.status(),
                candidate.version(),
                effectiveFrom,
                earliestEffectiveFrom(candidate));
        audit(approver, "RULE_SET_APPROVED", id, Map.of("effectiveFrom", effectiveFrom.toString()));
        if (candidate.format().equals(CHOICES)) {
            // the values are what was approved; they apply to whichever model version is in force
            LocalChoices choices = choices(id);
            AfterCommit.run(() -> regulations.register(choices));
            return find(id);
        }
        // Compiled inside the transaction (a failure refuses the approval), in force after commit.
        RuleSet approved = compile(id);
        String uploaded =
                jdbc.queryForObject("select content_hash from rule_set_candidates where id = ?", String.class, id);
        if (uploaded != null && !uploaded.equals(approved.contentHash())) {
            throw new ApprovalRefused(Phrase.of(
                    "Versie {0} van {1} vertaalt niet meer naar de inhoud van de upload (sha256 {2}, nu {3});"
                            + " goedkeuring geweigerd.",
                    "Version {0} of {1} no longer translates to the content of the upload (sha256 {2}, now {3});"
                            + " approval refused.",
                    candidate.version(),
                    regulations.caseTypeName(candidate.caseType()),
                    uploaded,
                    approved.contentHash()));
        }
        labels.fillContentHash(id, approved);
        String municipality = municipality();
        AfterCommit.run(() -> regulations.register(municipality, approved));
        return find(id);
    }

    /**
     * Today, as for every version: nothing approved changes a decision already taken. A
     * municipality's first choices on a model may go back further, to when its own regulation
     * already applied, as long as it has decided no case of that type: then no decision taken can
     * change, and the cases still to decide are decided with the choices that were in force on
     * their reference dates. Row-level security keeps both questions to this municipality.
     */
    public LocalDate earliestEffectiveFrom(Candidate candidate) {
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        if (!candidate.format().equals(CHOICES)) {
            return today;
        }
        boolean adoptedOrDecided = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from rule_set_candidates where case_type = ? and format = 'CHOICES'"
                        + " and status = 'APPROVED') or exists (select 1 from decisions d join cases c"
                        + " on c.id = d.case_id where c.case_type = ?)",
                Boolean.class,
                candidate.caseType(),
                candidate.caseType()));
        return adoptedOrDecided ? today : LocalDate.MIN;
    }

    /**
     * Two rows that would both set an amount or a date for one case make the table ambiguous; such
     * a version, or one too large to verify, is not approved (a gap is a warning only).
     */
    private static void refuseConflicts(Candidate candidate) {
        Verification verification = candidate.verification();
        if (verification == null || !verification.blocksApproval()) {
            return;
        }
        if (!verification.complete()) {
            throw new ApprovalRefused(new Phrase(
                    "De tabel is te groot om volledig te controleren op hiaten en overlappingen; splits haar op.",
                    "The table is too large to check fully for gaps and overlaps; split it up."));
        }
        throw new ApprovalRefused(Phrase.of(
                "De tabel heeft regels die elkaar tegenspreken: {0}. Pas de tabel aan en upload een nieuwe versie.",
                "The table has rules that contradict each other: {0}. Change the table and upload a new version.",
                Phrase.join(
                        Phrase.same("; "),
                        verification.conflicts().stream()
                                .map(overlap -> Phrase.of(
                                        "'{0}' en '{1}'", "'{0}' and '{1}'", overlap.rule(), overlap.otherRule()))
                                .toList())));
    }

    /** Gaps, overlaps and dead rows of the version's decision table, or of the DMN model's tables. */
    private static Verification verify(RuleSet candidate, TableFormat format, byte[] content) {
        Map<String, String> labels = candidate.inputSchema().titles();
        return format == TableFormat.DMN
                ? DmnTableAnalysis.analyse(content, labels)
                : TableVerifier.verify(candidate.table().orElseThrow(), labels);
    }

    /** Withdraws a draft, or an approved version that has not yet taken effect. */
    @Transactional
    public Candidate withdraw(long id, String officer) {
        Candidate candidate = find(id);
        FourEyes.withdraw(
                jdbc, "rule_set_candidates", id, candidate.status(), candidate.version(), candidate.effectiveFrom());
        audit(officer, "RULE_SET_WITHDRAWN", id, Map.of());
        AfterCommit.run(() -> jobs.withdrawn(new OfficerJobs.Target(DraftUploaded.Kind.RULE_SET, id)));
        if (candidate.status().equals("APPROVED") && candidate.format().equals(CHOICES)) {
            LocalChoices withdrawn = choices(id);
            AfterCommit.run(() -> regulations.unregister(withdrawn));
        } else if (candidate.status().equals("APPROVED")) {
            RuleSet withdrawn = regulations.version(candidate.caseType() + "/" + candidate.version());
            String municipality = municipality();
            AfterCommit.run(() -> regulations.unregister(municipality, withdrawn));
        }
        return find(id);
    }

    public Candidate find(long id) {
        return list(id, null).stream()
                .findFirst()
                .orElseThrow(() -> new ApprovalRefused.NotFound(
                        Phrase.of("Versie-upload {0} bestaat niet.", "Version upload {0} does not exist.", id)));
    }

    /** What the upload changes, rule row by rule row, against the newest table of its case type. */
    public List<TableDiff.RowChange> diff(long id) {
        Candidate candidate = find(id);
        RuleSet uploaded = compiled(id);
        if (uploaded.table().isEmpty()) {
            return List.of(); // a DMN model has no rows in the template's layout to compare
        }
        if (candidate.format().equals(CHOICES)) {
            // what the choices change in the cells of the model they are set on
            return TableDiff.between(
                    baseOf(candidate).table().orElseThrow(), uploaded.table().orElseThrow());
        }
        RuleSet base = regulations.latestTable(candidate.caseType());
        if (base.version().equals(uploaded.version())) {
            // approved: compare with what it replaces
            RuleSet before = regulations.inForce(
                    candidate.caseType(), candidate.effectiveFrom().minusDays(1));
            base = before.table().isPresent() ? before : base;
        }
        return TableDiff.between(base.table().orElseThrow(), uploaded.table().orElseThrow());
    }

    /** The uploads of a case type, newest first. */
    public List<Candidate> of(String caseType) {
        return list(null, null).stream()
                .filter(c -> c.caseType().equals(caseType))
                .toList();
    }

    private List<Candidate> list(Long id, String status) {
        return jdbc.query(
                "select id, case_type, version, format, author, uploaded_at, status, approver, approved_at, effective_from,"
                        + " example_results::text, author_person, approver_person, reactivated_from, origin_author,"
                        + " origin_author_person, verification::text from rule_set_candidates"
                        + " where (?::bigint is null or id = ?) and (?::text is null or status = ?) order by id desc",
                (row, n) -> Candidate.of(
                        row.getLong("id"),
                        row.getString("case_type"),
                        row.getString("version"),
                        row.getString("format"),
                        row.getString("author"),
                        row.getObject("uploaded_at", OffsetDateTime.class),
                        row.getString("status"),
                        row.getString("approver"),
                        row.getObject("approved_at", OffsetDateTime.class),
                        row.getObject("effective_from", LocalDate.class),
                        json.readValue(row.getString("example_results"), RESULTS),
                        new Authorship(
                                row.getString("author_person"),
                                row.getString("approver_person"),
                                row.getString("reactivated_from"),
                                row.getString("origin_author"),
                                row.getString("origin_author_person")),
                        row.getString("verification") == null
                                ? null
                                : stored.readValue(row.getString("verification"), Verification.class)),
                id,
                id,
                status,
                status);
    }

    /** The candidate compiled, for simulation; a draft is compiled as if in force from today. */
    RuleSet compiled(long id) {
        Candidate candidate = find(id);
        if (candidate.format().equals(CHOICES)) {
            RuleSet draft = candidate.effectiveFrom() == null ? compiledDrafts.get(id) : null;
            return draft != null ? draft : regulations.withChoices(baseOf(candidate), choices(id));
        }
        if (candidate.effectiveFrom() != null) {
            return regulations.version(candidate.caseType() + "/" + candidate.version());
        }
        RuleSet draft = compiledDrafts.get(id);
        if (draft != null) {
            return draft;
        }
        Map<String, Object> row = jdbc.queryForMap("select content, format from rule_set_candidates where id = ?", id);
        return compile(
                candidate.caseType(),
                candidate.version(),
                LocalDate.now(DecisionDeadline.NETHERLANDS),
                TableFormat.valueOf((String) row.get("format")),
                (byte[]) row.get("content"));
    }

    /**
     * A version approved once and withdrawn before its date, by label: a decision may name it (a
     * case decided ahead of that date), so it can still be recomputed.
     */
    private Optional<RuleSet> withdrawnVersion(String label) {
        return jdbc
                .queryForList(
                        "select id from rule_set_candidates where case_type || '/' || version = ?"
                                + " and status = 'WITHDRAWN' and effective_from is not null",
                        Long.class,
                        label)
                .stream()
                .findFirst()
                .map(id -> {
                    RuleSet withdrawn = compile(id);
                    labels.fillContentHash(id, withdrawn);
                    return withdrawn;
                });
    }

    /** Whether a label names one content beyond doubt ({@link RuleSetLabels#unambiguous}). */
    boolean unambiguous(String ruleSetVersion) {
        return labels.unambiguous(ruleSetVersion);
    }

    private RuleSet compile(long id) {
        Map<String, Object> row = jdbc.queryForMap(
                "select case_type, version, content, format, effective_from from rule_set_candidates where id = ?", id);
        return compile(
                (String) row.get("case_type"),
                (String) row.get("version"),
                ((java.sql.Date) row.get("effective_from")).toLocalDate(),
                TableFormat.valueOf((String) row.get("format")),
                (byte[]) row.get("content"));
    }

    private RuleSet compile(
            String caseType, String version, LocalDate effectiveFrom, TableFormat format, byte[] content) {
        return format == TableFormat.DMN
                ? regulations.compileUploadedDmn(caseType, version, effectiveFrom, content)
                : regulations.compileUploaded(caseType, version, effectiveFrom, content);
    }

    private List<Phrase> check(String caseType, TableFormat format, byte[] content) {
        RuleSet base = regulations.latestTable(caseType);
        return switch (format) {
            case XLSX, CSV -> {
                try {
                    TableReader.read(base.descriptor().decisionTable(), content);
                    yield List.of();
                } catch (TableRefused refused) {
                    yield refused.phrases();
                }
            }
            case DMN -> {
                Set<String> inputs = new TreeSet<>(base.inputSchema().titles().keySet());
                base.descriptor().norms().forEach(norm -> inputs.add(norm.field()));
                inputs.add("referenceDate");
                yield DmnModelCheck.phrases(content, inputs);
            }
        };
    }

    /** The newest table of a case type as CSV, to start a CSV upload from. */
    public String tableAsCsv(String caseType) {
        return TableWriter.csv(newestTable(caseType));
    }

    /** The newest table of a case type as XLSX, to start an upload from. */
    public byte[] tableAsXlsx(String caseType) {
        RuleSet newest = regulations.latestTable(caseType);
        return TableWriter.xlsx(
                newestTable(caseType), newest.descriptor().name().get("nl"));
    }

    private DecisionTable newestTable(String caseType) {
        if (!regulations.knows(caseType)) {
            throw new ApprovalRefused.NotFound(unknownCaseType(caseType));
        }
        return regulations.latestTable(caseType).table().orElseThrow();
    }

    private List<ExampleResult> officerExamples(RuleSet candidate, String csv, OfficerJobs.Job job) {
        List<ExampleCase> examples;
        Phrase source = new Phrase("eigen voorbeeldgevallen", "own example cases");
        String storable = CsvTables.storable(CsvTables.withoutByteOrderMark(csv), source);
        try {
            examples = ExampleCases.read(candidate, new StringReader(storable), source);
        } catch (ExampleCases.Unreadable unreadable) {
            throw new InvalidUpload(unreadable.phrase());
        } catch (IOException | RuntimeException wrong) {
            throw new InvalidUpload(Phrase.of(
                    "Eigen voorbeeldgevallen: het bestand is geen leesbare CSV ({0}).",
                    "Own example cases: the file is not a readable CSV ({0}).", Phrase.same(wrong.getMessage())));
        }
        return ExampleRuns.run(
                CaseVocabulary.OWN_EXAMPLE, examples, application -> decisions.decideWith(application, candidate), job);
    }

    private List<ExampleResult> examples(RuleSet candidate, OfficerJobs.Job job) {
        return ExampleRuns.run(
                "", ExampleCases.of(candidate), application -> decisions.decideWith(application, candidate), job);
    }

    private void audit(String actor, String action, long id, Map<String, Object> details) {
        audit.appendAll(List.of(new AuditEntry(
                actor,
                action,
                "rule-set-version",
                Long.toString(id),
                json.writeValueAsString(new LinkedHashMap<>(details)))));
    }
}
