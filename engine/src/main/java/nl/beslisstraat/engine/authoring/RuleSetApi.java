package nl.beslisstraat.engine.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Policy officers' rule-set versions over REST.
 *
 * <ul>
 *   <li>{@code POST /api/rulesets/{caseType}/candidates?version=2027.1} with the XLSX, CSV or DMN
 *       model as body (or as a form with the officer's own example cases): checked, compiled and
 *       tried on the example cases; 201 with the results, or 400 naming sheet, row and column (or
 *       the DMN element), with nothing stored. {@code GET .../table.csv}: the table to start from.
 *   <li>{@code POST /api/rulesets/candidates/{id}/approval?effectiveFrom=2027-01-01}: a colleague
 *       approves; in force at once from that date.
 *   <li>{@code POST /api/rulesets/candidates/{id}/simulation?from=&to=&last=}: what it would
 *       change in decisions already taken; one simulation or upload per officer at a time (429
 *       while another runs), stopped after its time budget with {@code stopped} saying so.
 *       {@code POST .../simulation/cancellation}: stops the officer's running simulation of it.
 *   <li>{@code POST /api/rulesets/candidates/{id}/withdrawal}: before it takes effect.
 *   <li>{@code POST /api/rulesets/{caseType}/versions/{version}/reactivation?newVersion=}: an
 *       earlier version back as a new draft.
 *   <li>{@code GET /api/rulesets/{caseType}/candidates}: the uploads with author, approver, dates.
 *   <li>{@code GET /api/rulesets/{caseType}/choices}: the local choices of a shared model with their
 *       ranges, the model's values and the officer's municipality's values in force.
 *       {@code POST} the same path with {@code {"version": "2027.1", "values": {"feeZoneA": "180.00"}}}
 *       (and optionally {@code "examples"}: the municipality's own example cases as CSV): a draft of
 *       the municipality's choices, approved like any version; 400 naming each bad choice.
 *   <li>{@code POST /api/rulesets/{caseType}/versions/{version}/simulation}: what a model version
 *       (such as one that takes effect next year) changes in the municipality's past decisions, with
 *       its choices kept.
 * </ul>
 *
 * <p>Everything here works for the officer's own municipality: its uploads, its choices, its cases.
 */
@RestController
class RuleSetApi {

    private final RuleSetCandidates candidates;
    private final Simulation simulation;
    private final OfficerJobs jobs;

    RuleSetApi(RuleSetCandidates candidates, Simulation simulation, OfficerJobs jobs) {
        this.candidates = candidates;
        this.simulation = simulation;
        this.jobs = jobs;
    }

    /**
     * What the candidate would change in decisions already taken, by transition, with sample
     * cases; over a period of reference dates or the last N cases. Nothing is stored.
     */
    @PostMapping("/api/rulesets/candidates/{id}/simulation")
    SimulationResult simulate(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer last,
            Principal officer) {
        return simulation.run(id, from, to, last, officer.getName());
    }

    /**
     * Stops the officer's own simulation of the candidate after the case it is deciding; that
     * request then answers with what was simulated so far. 204, or 404 when none runs.
     */
    @PostMapping("/api/rulesets/candidates/{id}/simulation/cancellation")
    ResponseEntity<Void> cancelSimulation(@PathVariable long id, Principal officer) {
        boolean cancelled =
                jobs.cancelSimulation(officer.getName(), new OfficerJobs.Target(DraftUploaded.Kind.RULE_SET, id));
        return cancelled
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /**
     * The body is read up to one byte past the largest file a reader takes, not as a whole: a file
     * of gigabytes is refused without being held in memory.
     */
    @PostMapping("/api/rulesets/{caseType}/candidates")
    ResponseEntity<Candidate> upload(
            @PathVariable String caseType, @RequestParam String version, InputStream body, Principal officer)
            throws IOException {
        byte[] table = body.readNBytes(RuleSetCandidates.LARGEST_FILE + 1);
        Candidate uploaded = candidates.upload(caseType, version, table, officer.getName());
        return ResponseEntity.created(URI.create("/api/rulesets/candidates/" + uploaded.id()))
                .body(uploaded);
    }

    /**
     * The same upload as a form ({@code multipart/form-data}): part {@code table} (XLSX, CSV or
     * DMN) and, optionally, part {@code examples}: the officer's own example cases as CSV.
     */
    @PostMapping(value = "/api/rulesets/{caseType}/candidates", consumes = "multipart/form-data")
    ResponseEntity<Candidate> uploadWithExamples(
            @PathVariable String caseType,
            @RequestParam String version,
            @RequestPart("table") MultipartFile table,
            @RequestPart(name = "examples", required = false) MultipartFile examples,
            Principal officer)
            throws IOException {
        Candidate uploaded = candidates.upload(
                caseType,
                version,
                table.getBytes(),
                examples == null ? null : new String(examples.getBytes(), StandardCharsets.UTF_8),
                officer.getName());
        return ResponseEntity.created(URI.create("/api/rulesets/candidates/" + uploaded.id()))
                .body(uploaded);
    }

    /** The newest decision table as CSV: the starting point of a CSV upload. */
    @GetMapping(value = "/api/rulesets/{caseType}/table.csv", produces = "text/csv")
    String tableAsCsv(@PathVariable String caseType) {
        return candidates.tableAsCsv(caseType);
    }

    /** An earlier version back as a new draft, to be approved with the date it applies again. */
    @PostMapping("/api/rulesets/{caseType}/versions/{version}/reactivation")
    ResponseEntity<Candidate> reactivate(
            @PathVariable String caseType,
            @PathVariable String version,
            @RequestParam String newVersion,
            Principal officer) {
        Candidate draft = candidates.reactivate(caseType, version, newVersion, officer.getName());
        return ResponseEntity.created(URI.create("/api/rulesets/candidates/" + draft.id()))
                .body(draft);
    }

    @PostMapping("/api/rulesets/candidates/{id}/approval")
    Candidate approve(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            Principal officer) {
        return candidates.approve(id, officer.getName(), effectiveFrom);
    }

    @PostMapping("/api/rulesets/candidates/{id}/withdrawal")
    Candidate withdraw(@PathVariable long id, Principal officer) {
        return candidates.withdraw(id, officer.getName());
    }

    /** The upload's changes against the newest table in force, by rule row and column. */
    @GetMapping("/api/rulesets/candidates/{id}/diff")
    List<TableDiff.RowChange> diff(@PathVariable long id) {
        return candidates.diff(id);
    }

    /** A municipality's values for the local choices of a shared model. */
    record ChoicesUpload(String version, Map<String, String> values, String examples) {}

    @PostMapping("/api/rulesets/{caseType}/choices")
    ResponseEntity<Candidate> uploadChoices(
            @PathVariable String caseType, @RequestBody ChoicesUpload upload, Principal officer) {
        Candidate uploaded = candidates.uploadChoices(
                caseType, upload.version(), upload.values(), upload.examples(), officer.getName());
        return ResponseEntity.created(URI.create("/api/rulesets/candidates/" + uploaded.id()))
                .body(uploaded);
    }

    @GetMapping("/api/rulesets/{caseType}/choices")
    List<RuleSetCandidates.ChoiceInForce> choices(@PathVariable String caseType) {
        return candidates.choicesInForce(caseType);
    }

    @PostMapping("/api/rulesets/{caseType}/versions/{version}/simulation")
    SimulationResult simulateModelVersion(
            @PathVariable String caseType,
            @PathVariable String version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer last,
            Principal officer) {
        return simulation.runModelVersion(caseType, version, from, to, last, officer.getName());
    }

    @GetMapping("/api/rulesets/{caseType}/candidates")
    List<Candidate> history(@PathVariable String caseType) {
        return candidates.of(caseType);
    }
}
