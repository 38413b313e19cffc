package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.AuditSearch;
import nl.beslisstraat.engine.audit.ChainVerification;
import nl.beslisstraat.engine.audit.ChainVerifications;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.decision.StoredDecision;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The auditor's REST view of the current municipality: verify the hash chains now, search the audit
 * trail, and read one case's whole history. Read only.
 */
@RestController
class AuditApi {

    private final ChainVerifications verifications;
    private final AuditSearch search;
    private final CaseStore cases;
    private final DecisionStore decisions;
    private final CaseHistory history;

    AuditApi(
            ChainVerifications verifications,
            AuditSearch search,
            CaseStore cases,
            DecisionStore decisions,
            CaseHistory history) {
        this.verifications = verifications;
        this.search = search;
        this.cases = cases;
        this.decisions = decisions;
        this.history = history;
    }

    /**
     * Recomputes the chains of the municipality now, against the heads kept outside the database;
     * {@code intact} false names the first break of each. The auditor's pages show the result.
     */
    @GetMapping("/api/audit/verification")
    ChainVerification verification() {
        return verifications.verifyNow(Municipality.current().orElseThrow());
    }

    @GetMapping("/api/audit/entries")
    AuditSearch.Page entries(
            @RequestParam(name = "case", required = false) String caseId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String run,
            @RequestParam(defaultValue = "0") int page) {
        return search.search(new AuditSearch.Criteria(caseId, actor, version, action, from, to, run, page));
    }

    /** A case with its decisions and its history, oldest first; 404 for a case the municipality does not have. */
    @GetMapping("/api/audit/cases/{caseId}")
    Map<String, Object> caseHistory(@PathVariable long caseId) {
        StoredCase stored = cases.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<StoredDecision> taken = decisions.findFor(caseId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("case", stored);
        body.put("decisions", taken);
        body.put("tasks", history.tasks(caseId));
        body.put("history", history.of(caseId));
        return body;
    }
}
