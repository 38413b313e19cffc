package nl.beslisstraat.engine.authoring;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Policy officers' rule-set versions over REST.
 *
 * <ul>
 *   <li>{@code POST /api/rulesets/{caseType}/candidates?version=2027.1} with the XLSX as body:
 *       checked, compiled and tried on the example cases; 201 with the results, or 400 naming
 *       sheet, row and column, with nothing stored.
 *   <li>{@code POST /api/rulesets/candidates/{id}/approval?effectiveFrom=2027-01-01}: a colleague
 *       approves; in force at once from that date.
 *   <li>{@code POST /api/rulesets/candidates/{id}/simulation?from=&to=&last=}: what it would
 *       change in decisions already taken.
 *   <li>{@code POST /api/rulesets/candidates/{id}/withdrawal}: before it takes effect.
 *   <li>{@code POST /api/rulesets/{caseType}/versions/{version}/reactivation?newVersion=}: an
 *       earlier version back as a new draft.
 *   <li>{@code GET /api/rulesets/{caseType}/candidates}: the uploads with author, approver, dates.
 * </ul>
 */
@RestController
class RuleSetApi {

    private final RuleSetCandidates candidates;
    private final Simulation simulation;

    RuleSetApi(RuleSetCandidates candidates, Simulation simulation) {
        this.candidates = candidates;
        this.simulation = simulation;
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
            @RequestParam(required = false) Integer last) {
        return simulation.run(id, from, to, last);
    }

    @PostMapping("/api/rulesets/{caseType}/candidates")
    ResponseEntity<Candidate> upload(
            @PathVariable String caseType, @RequestParam String version, @RequestBody byte[] table, Principal officer) {
        Candidate uploaded = candidates.upload(caseType, version, table, officer.getName());
        return ResponseEntity.created(URI.create("/api/rulesets/candidates/" + uploaded.id()))
                .body(uploaded);
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

    @GetMapping("/api/rulesets/{caseType}/candidates")
    List<Candidate> history(@PathVariable String caseType) {
        return candidates.of(caseType);
    }
}
