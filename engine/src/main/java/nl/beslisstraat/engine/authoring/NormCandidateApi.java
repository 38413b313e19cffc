package nl.beslisstraat.engine.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import nl.beslisstraat.engine.norms.NormDiff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Policy officers' norm table versions over REST, the same life as rule sets.
 *
 * <ul>
 *   <li>{@code POST /api/norms/candidates?version=2027.1&note=...} with the table as CSV in UTF-8, at most 256 kB (start
 *       from {@code GET /api/norms/{version}/csv}): checked and tried on the example cases; 201,
 *       or 400 naming line and column, with nothing stored.
 *   <li>{@code GET /api/norms/candidates[/{id}[/diff]]}: uploads with author, approver, dates,
 *       example results; the diff against the version it follows, amount by amount.
 *   <li>{@code POST /api/norms/candidates/{id}/simulation?asOf=&from=&to=&last=}: what it would
 *       change in decisions already taken, with its amounts as valid on {@code asOf} (by default
 *       the first date it changes); one simulation or upload per officer at a time (429 while
 *       another runs), stopped after its time budget with {@code stopped} saying so. {@code POST
 *       .../simulation/cancellation}: stops the officer's running simulation of it.
 *   <li>{@code POST /api/norms/candidates/{id}/approval?effectiveFrom=2027-01-01}: a colleague.
 *   <li>{@code POST /api/norms/candidates/{id}/withdrawal}: before it takes effect.
 * </ul>
 */
@RestController
@RequestMapping("/api/norms/candidates")
class NormCandidateApi {

    private final NormCandidates candidates;
    private final Simulation simulation;
    private final OfficerJobs jobs;

    NormCandidateApi(NormCandidates candidates, Simulation simulation, OfficerJobs jobs) {
        this.candidates = candidates;
        this.simulation = simulation;
        this.jobs = jobs;
    }

    /**
     * The body is read up to one byte past the limit, not as a whole: a file of gigabytes is
     * refused without being held in memory.
     */
    @PostMapping(consumes = {"text/csv", "text/plain"})
    ResponseEntity<NormCandidate> upload(
            @RequestParam String version,
            @RequestParam(required = false) String note,
            InputStream body,
            Principal officer)
            throws IOException {
        byte[] csv = body.readNBytes(NormCandidates.MAX_BYTES + 1);
        NormCandidate uploaded = candidates.upload(version, note, csv, officer.getName());
        return ResponseEntity.created(URI.create("/api/norms/candidates/" + uploaded.id()))
                .body(uploaded);
    }

    @GetMapping
    List<NormCandidate> all() {
        return candidates.all();
    }

    @GetMapping("/{id}")
    NormCandidate one(@PathVariable long id) {
        return candidates.find(id);
    }

    @GetMapping("/{id}/diff")
    List<NormDiff.Change> diff(@PathVariable long id) {
        candidates.find(id);
        return candidates.diff(id);
    }

    @PostMapping("/{id}/simulation")
    SimulationResult simulate(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer last,
            Principal officer) {
        candidates.find(id);
        return simulation.runNorms(
                id, asOf == null ? candidates.firstChange(id) : asOf, from, to, last, officer.getName());
    }

    /** Stops the officer's own simulation of the upload: 204, or 404 when none runs. */
    @PostMapping("/{id}/simulation/cancellation")
    ResponseEntity<Void> cancelSimulation(@PathVariable long id, Principal officer) {
        boolean cancelled =
                jobs.cancelSimulation(officer.getName(), new OfficerJobs.Target(DraftUploaded.Kind.NORMS, id));
        return cancelled
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/{id}/approval")
    NormCandidate approve(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            Principal officer) {
        return candidates.approve(id, officer.getName(), effectiveFrom);
    }

    @PostMapping("/{id}/withdrawal")
    NormCandidate withdraw(@PathVariable long id, Principal officer) {
        return candidates.withdraw(id, officer.getName());
    }
}
