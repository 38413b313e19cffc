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
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.engine.regulation.RuleSetCompilationException;
import nl.beslisstraat.engine.regulation.table.DecisionTable;
import nl.beslisstraat.engine.regulation.table.TableReader;
import nl.beslisstraat.engine.regulation.table.TableRefused;
import nl.beslisstraat.engine.regulation.table.TableVerifier;
import nl.beslisstraat.engine.regulation.table.TableWriter;
import nl.beslisstraat.engine.regulation.table.Verification;
import nl.beslisstraat.engine.security.UserAccounts;
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

    private final RegulationCatalog regulations;
    /** Compiled drafts, kept from upload to simulation: compiling a table takes seconds. */
    private final Map<Long, RuleSet> compiledDrafts = new java.util.concurrent.ConcurrentHashMap<>();

    private final DecisionService decisions;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final UserAccounts accounts;
    private final OfficerJobs jobs;

    RuleSetCandidates(
            RegulationCatalog regulations,
            DecisionService decisions,
            JdbcTemplate jdbc,
            AuditLog audit,
            JsonMapper json,
            ApplicationEventPublisher events,
            UserAccounts accounts,
            OfficerJobs jobs) {
        this.regulations = regulations;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.events = events;
        this.accounts = accounts;
        this.jobs = jobs;
        for (Candidate approved : list(null, "APPROVED")) {
            regulations.register(compile(approved.id()));
        }
        regulations.archive(this::withdrawnVersion);
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
        if (!regulations.knows(caseType)) {
            throw new InvalidUpload(List.of("Onbekend zaaktype " + caseType));
        }
        TableFormat format = TableFormat.of(table);
        // An officer's file is read before anything compiles it: a table into the typed rows of
        // its template (or refused), a DMN model checked for calls into Java.
        List<String> problems = check(caseType, format, table);
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
        if (version == null || !version.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,39}")) {
            throw new InvalidUpload(List.of("version: '" + version + "' is geen versienummer zoals 2027.1"));
        }
        RuleSet candidate;
        try {
            candidate = compile(caseType, version, LocalDate.MAX, format, content);
        } catch (RuleSetCompilationException e) {
            throw new InvalidUpload(List.of("De regels laten zich niet vertalen: " + e.getMessage()));
        }
        List<ExampleResult> results = new ArrayList<>();
        // the officer's job: refused while the officer's simulation runs, and within its budget
        try (OfficerJobs.Job job = jobs.start(author, OfficerJobs.Kind.EXAMPLES, null)) {
            results.addAll(examples(candidate, job));
            if (officerExamples != null && !officerExamples.isBlank()) {
                results.addAll(officerExamples(candidate, officerExamples, job));
            }
        }
        long id;
        try {
            id = jdbc.queryForObject(
                    "insert into rule_set_candidates (case_type, version, table_resource, content,"
                            + " format, officer_examples, author, example_results, verification)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) returning id",
                    Long.class,
                    caseType,
                    version,
                    candidate.tableResource(),
                    content,
                    format.name(),
                    officerExamples,
                    author,
                    json.writeValueAsString(results),
                    json.writeValueAsString(verify(candidate)));
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            throw new InvalidUpload(
                    List.of("Versie " + version + " van " + caseType + " bestaat al; kies een nieuw nummer."));
        }
        audit(author, "RULE_SET_UPLOADED", id, Map.of("caseType", caseType, "version", version, "format", format));
        compiledDrafts.put(id, candidate);
        events.publishEvent(new DraftUploaded(DraftUploaded.Kind.RULE_SET, id));
        return find(id);
    }

    /**
     * Brings back an earlier version (bundled or uploaded) as a new draft with a new version
     * number: its table exactly as it was, tried on today's example cases, then approved like any
     * upload with the date from which it applies again.
     */
    @Transactional
    public Candidate reactivate(String caseType, String earlierVersion, String newVersion, String author) {
        RuleSet earlier;
        try {
            earlier = regulations.version(caseType + "/" + earlierVersion);
        } catch (IllegalArgumentException unknown) {
            throw new ApprovalRefused.NotFound("Versie " + earlierVersion + " van " + caseType + " bestaat niet.");
        }
        List<Map<String, Object>> uploaded = jdbc.queryForList(
                "select content, format from rule_set_candidates where case_type = ? and version = ?",
                caseType,
                earlierVersion);
        if (uploaded.isEmpty()) { // shipped: its table is on the classpath
            return reactivated(
                    caseType,
                    earlierVersion,
                    store(
                            caseType,
                            newVersion,
                            TableFormat.valueOf(earlier.format()),
                            earlier.tableContent(),
                            null,
                            author));
        }
        Map<String, Object> row = uploaded.get(0);
        return reactivated(
                caseType,
                earlierVersion,
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
    private Candidate reactivated(String caseType, String earlierVersion, Candidate draft) {
        jdbc.update(
                "update rule_set_candidates d set reactivated_from = ?, origin_author = e.author,"
                        + " origin_author_person = e.author_person from (select 1) one"
                        + " left join rule_set_candidates e on e.case_type = ? and e.version = ? where d.id = ?",
                earlierVersion,
                caseType,
                earlierVersion,
                draft.id());
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
                effectiveFrom);
        audit(approver, "RULE_SET_APPROVED", id, Map.of("effectiveFrom", effectiveFrom.toString()));
        // Compiled inside the transaction (a failure refuses the approval), in force after commit.
        RuleSet approved = compile(id);
        AfterCommit.run(() -> regulations.register(approved));
        return find(id);
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
            throw new ApprovalRefused(
                    "De tabel is te groot om volledig te controleren op hiaten en overlappingen; splits haar op.");
        }
        throw new ApprovalRefused("De tabel heeft regels die elkaar tegenspreken: "
                + verification.conflicts().stream()
                        .map(overlap -> "'" + overlap.rule() + "' en '" + overlap.otherRule() + "'")
                        .collect(java.util.stream.Collectors.joining("; "))
                + ". Pas de tabel aan en upload een nieuwe versie.");
    }

    /** Gaps, overlaps and dead rows of a decision table; null for a DMN model. */
    private Verification verify(RuleSet candidate) {
        return candidate
                .table()
                .map(table ->
                        TableVerifier.verify(table, candidate.inputSchema().titles()))
                .orElse(null);
    }

    /** Withdraws a draft, or an approved version that has not yet taken effect. */
    @Transactional
    public Candidate withdraw(long id, String officer) {
        Candidate candidate = find(id);
        FourEyes.withdraw(
                jdbc, "rule_set_candidates", id, candidate.status(), candidate.version(), candidate.effectiveFrom());
        audit(officer, "RULE_SET_WITHDRAWN", id, Map.of());
        AfterCommit.run(() -> jobs.withdrawn(new OfficerJobs.Target(DraftUploaded.Kind.RULE_SET, id)));
        if (candidate.status().equals("APPROVED")) {
            RuleSet withdrawn = regulations.version(candidate.caseType() + "/" + candidate.version());
            AfterCommit.run(() -> regulations.unregister(withdrawn));
        }
        return find(id);
    }

    public Candidate find(long id) {
        return list(id, null).stream()
                .findFirst()
                .orElseThrow(() -> new ApprovalRefused.NotFound("Versie-upload " + id + " bestaat niet."));
    }

    /** What the upload changes, rule row by rule row, against the newest table of its case type. */
    public List<TableDiff.RowChange> diff(long id) {
        Candidate candidate = find(id);
        RuleSet uploaded = compiled(id);
        if (uploaded.table().isEmpty()) {
            return List.of(); // a DMN model has no rows in the template's layout to compare
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
                                : json.readValue(row.getString("verification"), Verification.class)),
                id,
                id,
                status,
                status);
    }

    /** The candidate compiled, for simulation; a draft is compiled as if in force from today. */
    RuleSet compiled(long id) {
        Candidate candidate = find(id);
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
                .map(this::compile);
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

    private List<String> check(String caseType, TableFormat format, byte[] content) {
        RuleSet base = regulations.latestTable(caseType);
        return switch (format) {
            case XLSX, CSV -> {
                try {
                    TableReader.read(base.descriptor().decisionTable(), content);
                    yield List.of();
                } catch (TableRefused refused) {
                    yield refused.problems();
                }
            }
            case DMN -> {
                Set<String> inputs = new TreeSet<>(base.inputSchema().titles().keySet());
                base.descriptor().norms().forEach(norm -> inputs.add(norm.field()));
                inputs.add("referenceDate");
                yield DmnModelCheck.check(content, inputs).stream()
                        .map(TableProblem::toString)
                        .toList();
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
            throw new ApprovalRefused.NotFound("Onbekend zaaktype " + caseType);
        }
        return regulations.latestTable(caseType).table().orElseThrow();
    }

    private List<ExampleResult> officerExamples(RuleSet candidate, String csv, OfficerJobs.Job job) {
        List<ExampleCase> examples;
        try {
            examples = ExampleCases.read(
                    candidate, new StringReader(CsvTables.withoutByteOrderMark(csv)), "eigen voorbeeldgevallen");
        } catch (IOException | RuntimeException wrong) {
            throw new InvalidUpload(List.of(wrong.getMessage()));
        }
        return ExampleRuns.run("eigen: ", examples, application -> decisions.decideWith(application, candidate), job);
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
