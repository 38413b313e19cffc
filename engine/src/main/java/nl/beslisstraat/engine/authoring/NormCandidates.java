package nl.beslisstraat.engine.authoring;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.database.AfterCommit;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.norms.InvalidNormTable;
import nl.beslisstraat.engine.norms.NormAmount;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.norms.NormDiff;
import nl.beslisstraat.engine.norms.NormTable;
import nl.beslisstraat.engine.norms.NormTableReader;
import nl.beslisstraat.engine.norms.NormVersion;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.ExampleCases;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.engine.security.UserAccounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of an uploaded norm table version, the same as a rule set's: checked on upload with
 * the example cases of every regulation that reads norms run against it (a draft); approved by a
 * colleague, never its author, with the date from which it applies, and in force at once for the
 * running engine and the next nightly run; or withdrawn before that date. All steps are audited.
 */
@Service
public class NormCandidates {

    private static final TypeReference<List<ExampleResult>> RESULTS = new TypeReference<>() {};

    /** A norm table is a few kilobytes; a file many times that size is the wrong file. */
    public static final int MAX_BYTES = 256 * 1024;

    private final NormTable table;
    private final NormCatalog catalog;
    private final RegulationCatalog regulations;
    private final DecisionService decisions;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final UserAccounts accounts;
    private final OfficerJobs jobs;

    NormCandidates(
            NormTable table,
            NormCatalog catalog,
            RegulationCatalog regulations,
            DecisionService decisions,
            JdbcTemplate jdbc,
            AuditLog audit,
            JsonMapper json,
            ApplicationEventPublisher events,
            UserAccounts accounts,
            OfficerJobs jobs) {
        this.table = table;
        this.catalog = catalog;
        this.regulations = regulations;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.events = events;
        this.accounts = accounts;
        this.jobs = jobs;
    }

    /**
     * Checks an officer's CSV, runs the example cases with it and stores it as a draft.
     *
     * @param uploaded the file's bytes, at most {@link #MAX_BYTES}; UTF-8 (Excel's "CSV UTF-8")
     */
    @Transactional
    public NormCandidate upload(String version, String note, byte[] uploaded, String author) {
        note = CsvTables.note(note);
        String csv = CsvTables.storable(
                CsvTables.withoutByteOrderMark(text(uploaded)), new Phrase("normentabel", "norm table"));
        List<NormAmount> amounts;
        try {
            amounts = table.check(version, new StringReader(csv));
        } catch (InvalidNormTable invalid) {
            throw new InvalidUpload(invalid.phrases());
        }
        NormVersion draft = new NormVersion(version, null, note, amounts);
        List<ExampleResult> results;
        // the officer's job: refused while the officer's simulation runs, and within its budget
        try (OfficerJobs.Job job = jobs.start(author, OfficerJobs.Kind.EXAMPLES, null)) {
            results = examples(draft, job);
        }
        long id;
        try {
            id = jdbc.queryForObject(
                    "insert into norm_candidates (version, note, content, author, example_results, content_hash)"
                            + " values (?, ?, ?, ?, ?::jsonb, ?) returning id",
                    Long.class,
                    version,
                    note,
                    csv,
                    author,
                    json.writeValueAsString(results),
                    draft.contentHash());
        } catch (DuplicateKeyException taken) {
            throw new InvalidUpload(Phrase.of(
                    "version: {0} is al geüpload; kies een nieuw nummer.",
                    "version: {0} has been uploaded already; choose a new number.", version));
        }
        audit(author, "NORM_VERSION_UPLOADED", id, Map.of("version", version, "rows", amounts.size()));
        events.publishEvent(new DraftUploaded(DraftUploaded.Kind.NORMS, id));
        return find(id);
    }

    /** The upload as text, or refused: too large, or not text in UTF-8 (a spreadsheet, an image). */
    private static String text(byte[] uploaded) {
        if (uploaded.length > MAX_BYTES) {
            throw new InvalidUpload(Phrase.of(
                    "Het bestand is groter dan {0} kB; een normentabel is een CSV van enkele kilobytes.",
                    "The file is larger than {0} kB; a norm table is a CSV of a few kilobytes.", MAX_BYTES / 1024));
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(uploaded))
                    .toString();
        } catch (CharacterCodingException notText) {
            throw new InvalidUpload(new Phrase(
                    "Het bestand is geen CSV-tekst in UTF-8; sla de tabel op als"
                            + " 'CSV UTF-8 (door komma's gescheiden)' of download de tabel in gebruik als CSV.",
                    "The file is no CSV text in UTF-8; save the table as"
                            + " 'CSV UTF-8 (comma delimited)' or download the table in use as CSV."));
        }
    }

    /** A colleague approves a draft with the date from which it applies; it is in force at once. */
    @Transactional
    public NormCandidate approve(long id, String approver, LocalDate effectiveFrom) {
        NormCandidate candidate = find(id);
        FourEyes.approve(
                jdbc,
                accounts,
                "norm_candidates",
                id,
                candidate.author(),
                candidate.authorship(),
                approver,
                candidate.status(),
                candidate.version(),
                effectiveFrom,
                LocalDate.now(DecisionDeadline.NETHERLANDS));
        audit(approver, "NORM_VERSION_APPROVED", id, Map.of("effectiveFrom", effectiveFrom.toString()));
        NormVersion draft = norms(id);
        String uploaded =
                jdbc.queryForObject("select content_hash from norm_candidates where id = ?", String.class, id);
        if (uploaded != null && !uploaded.equals(draft.contentHash())) {
            throw new ApprovalRefused(Phrase.of(
                    "Normversie {0} heeft niet meer de inhoud van de upload (sha256 {1}, nu {2}); goedkeuring"
                            + " geweigerd.",
                    "Norm version {0} no longer has the content of the upload (sha256 {1}, now {2}); approval"
                            + " refused.",
                    candidate.version(),
                    uploaded,
                    draft.contentHash()));
        }
        try {
            // in force once the transaction commits
            table.activate(
                    new NormVersion(draft.version(), effectiveFrom, draft.note(), draft.amounts()),
                    candidate.author(),
                    approver);
        } catch (InvalidNormTable taken) {
            throw new ApprovalRefused(Phrase.join(Phrase.same("; "), taken.phrases()));
        }
        return find(id);
    }

    /** Withdraws a draft, or an approved version that has not yet taken effect. */
    @Transactional
    public NormCandidate withdraw(long id, String officer) {
        NormCandidate candidate = find(id);
        FourEyes.withdraw(
                jdbc, "norm_candidates", id, candidate.status(), candidate.version(), candidate.effectiveFrom());
        audit(officer, "NORM_VERSION_WITHDRAWN", id, Map.of("version", candidate.version()));
        AfterCommit.run(() -> jobs.withdrawn(new OfficerJobs.Target(DraftUploaded.Kind.NORMS, id)));
        if (candidate.status().equals("APPROVED")) {
            table.withdraw(candidate.version(), officer);
        }
        return find(id);
    }

    public NormCandidate find(long id) {
        return list(id).stream()
                .findFirst()
                .orElseThrow(() -> new ApprovalRefused.NotFound(
                        Phrase.of("Normen-upload {0} bestaat niet.", "Norm upload {0} does not exist.", id)));
    }

    /** All uploads, newest first. */
    public List<NormCandidate> all() {
        return list(null);
    }

    /** The uploaded table as norms (without an effective date while it is a draft). */
    public NormVersion norms(long id) {
        return jdbc.queryForObject(
                "select version, note, content, effective_from from norm_candidates where id = ?",
                (row, n) -> new NormVersion(
                        row.getString("version"),
                        row.getObject("effective_from", LocalDate.class),
                        row.getString("note"),
                        NormTableReader.read(new StringReader(row.getString("content")))),
                id);
    }

    /** What the upload changes, amount by amount, against the version it follows. */
    public List<NormDiff.Change> diff(long id) {
        return comparison(id).changes();
    }

    /** The version an upload follows, and what the upload changes against it. */
    public record Comparison(String base, List<NormDiff.Change> changes) {}

    public Comparison comparison(long id) {
        NormVersion candidate = norms(id);
        NormVersion base = base(candidate);
        return new Comparison(base.version(), NormDiff.between(base, candidate));
    }

    /**
     * The date whose amounts a simulation applies to past cases: the first date on which the
     * upload gives another amount than the version it follows (a raise from 2027-01-01 is
     * simulated as such). Rows left out are not a change of amount: a new version need not carry
     * the periods that lie behind it.
     */
    public LocalDate firstChange(long id) {
        return firstChange(diff(id));
    }

    /** The same, from a diff already made. */
    static LocalDate firstChange(List<NormDiff.Change> diff) {
        return diff.stream()
                .map(NormCandidates::firstDateChanged)
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(LocalDate.now(DecisionDeadline.NETHERLANDS));
    }

    private static LocalDate firstDateChanged(NormDiff.Change change) {
        return switch (change.change()) {
            case "ADDED" -> change.validFrom();
            case "CHANGED" -> {
                if (change.amountBefore().compareTo(change.amountAfter()) != 0) {
                    yield change.validFrom();
                }
                // only the end moved: the amounts differ from the day after the earlier end
                LocalDate earlierEnd = change.validUntilBefore() == null
                        ? change.validUntilAfter()
                        : change.validUntilAfter() == null
                                        || change.validUntilBefore().isBefore(change.validUntilAfter())
                                ? change.validUntilBefore()
                                : change.validUntilAfter();
                yield earlierEnd == null ? null : earlierEnd.plusDays(1);
            }
            default -> null;
        };
    }

    private NormVersion base(NormVersion candidate) {
        if (candidate.effectiveFrom() == null || !catalog.knows(candidate.version())) {
            return catalog.latest();
        }
        return catalog.versions().stream()
                .filter(version -> version.effectiveFrom().isBefore(candidate.effectiveFrom()))
                .reduce((older, newer) -> newer)
                .orElse(catalog.latest());
    }

    /** The example cases of every regulation that reads norms, on their own reference dates. */
    private List<ExampleResult> examples(NormVersion draft, OfficerJobs.Job job) {
        List<ExampleResult> results = new ArrayList<>();
        regulations.caseTypes().stream().sorted().forEach(caseType -> {
            RuleSet rules = regulations.latest(caseType);
            if (rules.readsNorms()) {
                results.addAll(ExampleRuns.run(
                        caseType + ": ",
                        ExampleCases.of(rules),
                        application -> decisions.decideWithNorms(application, draft),
                        job));
            }
        });
        return results;
    }

    private List<NormCandidate> list(Long id) {
        return jdbc.query(
                "select id, version, note, author, uploaded_at, status, approver, approved_at, effective_from,"
                        + " example_results::text, author_person, approver_person from norm_candidates where (?::bigint is null or id = ?) order by id desc",
                (row, n) -> NormCandidate.of(
                        row.getLong("id"),
                        row.getString("version"),
                        row.getString("note"),
                        row.getString("author"),
                        row.getObject("uploaded_at", OffsetDateTime.class),
                        row.getString("status"),
                        row.getString("approver"),
                        row.getObject("approved_at", OffsetDateTime.class),
                        row.getObject("effective_from", LocalDate.class),
                        json.readValue(row.getString("example_results"), RESULTS),
                        // a norm table is never reactivated: each version is uploaded as a whole
                        new Authorship(
                                row.getString("author_person"), row.getString("approver_person"), null, null, null)),
                id,
                id);
    }

    private void audit(String actor, String action, long id, Map<String, Object> details) {
        audit.appendAll(List.of(new AuditEntry(
                actor,
                action,
                "norm-version",
                Long.toString(id),
                json.writeValueAsString(new LinkedHashMap<>(details)))));
    }
}
