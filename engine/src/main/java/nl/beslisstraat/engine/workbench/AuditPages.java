package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;
import java.util.Locale;
import nl.beslisstraat.engine.audit.AuditSearch;
import nl.beslisstraat.engine.audit.ChainVerifications;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.intake.MotivationLanguage;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's pages: search the audit trail, with the chains' last verification; the open review
 * tasks; and a case read only, with its history.
 */
@Controller
class AuditPages {

    private final AuditSearch search;
    private final ChainVerifications verifications;
    private final CaseStore cases;
    private final DecisionStore decisions;
    private final CaseHistory history;
    private final ReviewWork work;
    private final JsonMapper json;
    private final ReviewQueue queue;
    private final nl.beslisstraat.engine.regulation.RegulationCatalog regulations;

    AuditPages(
            ReviewQueue queue,
            nl.beslisstraat.engine.regulation.RegulationCatalog regulations,
            AuditSearch search,
            ChainVerifications verifications,
            CaseStore cases,
            DecisionStore decisions,
            CaseHistory history,
            ReviewWork work,
            JsonMapper json) {
        this.work = work;
        this.queue = queue;
        this.regulations = regulations;
        this.search = search;
        this.verifications = verifications;
        this.cases = cases;
        this.decisions = decisions;
        this.history = history;
        this.json = json;
    }

    @GetMapping("/audit")
    String search(
            @RequestParam(name = "case", required = false) String caseId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String run,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditSearch.Criteria criteria = new AuditSearch.Criteria(caseId, actor, version, action, from, to, run, page);
        model.addAttribute("criteria", criteria);
        model.addAttribute("result", search.search(criteria));
        model.addAttribute("actions", search.actions());
        model.addAttribute(
                "verification",
                Municipality.current().flatMap(verifications::last).orElse(null));
        return "audit/search";
    }

    /** Verifies the municipality's chains now, as the daily check does, and shows the result. */
    @PostMapping("/audit/verification")
    String verifyNow() {
        verifications.verifyNow(Municipality.current().orElseThrow());
        return "redirect:/audit#chain";
    }

    /**
     * The open review tasks as the auditor reads them: the list behind the dashboard's queue figures,
     * each case to open with its history. Nothing on it changes anything.
     */
    @GetMapping("/audit/queue")
    String queue(
            @RequestParam(required = false) String caseType,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy,
            @RequestParam(required = false) Long run,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        // the reviewer's filters (templates/tasks.html), read only
        QueueFilter filter = QueueFilter.of(caseType, reason, dueBy, run);
        model.addAttribute("filter", filter);
        model.addAttribute("queue", queue.page(filter, page, 20));
        model.addAttribute("reasons", queue.reasons());
        model.addAttribute(
                "caseTypes",
                new java.util.TreeSet<>(
                        regulations.caseTypesFor(Municipality.current().orElse(null))));
        return "audit/queue";
    }

    @GetMapping("/audit/cases/{caseId}")
    String caseFile(@PathVariable long caseId, Locale locale, Model model) {
        StoredCase stored = cases.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String language = locale.getLanguage().equals("en") ? "en" : "nl";
        model.addAttribute("caseFile", stored);
        model.addAttribute("input", ApplicationFields.of(json, stored.input()));
        model.addAttribute(
                "decisions",
                decisions.findFor(caseId).stream()
                        .map(decision -> MotivationLanguage.of(decision, language))
                        .toList());
        model.addAttribute("tasks", history.tasks(caseId));
        model.addAttribute("events", history.of(caseId));
        model.addAttribute("amountLabels", work.amountLabels(stored.caseType(), locale));
        return "audit/case";
    }
}
