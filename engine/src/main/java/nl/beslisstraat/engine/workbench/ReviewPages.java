package nl.beslisstraat.engine.workbench;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.beslisstraat.engine.audit.ChainVerifications;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.decision.StoredDecision;
import nl.beslisstraat.engine.intake.MotivationLanguage;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.rules.Outcome;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviewers' workbench as web pages (Thymeleaf, htmx for the queue table): sign-in, the
 * queue, a case with the engine's explanation and the decision form, the dashboard.
 */
@Controller
class ReviewPages {

    private static final String AMOUNT_FIELD = "amount-";

    private final ReviewQueue queue;
    private final ReviewWork work;
    private final CaseStore cases;
    private final DecisionStore decisions;
    private final CaseHistory history;
    private final Dashboard dashboard;
    private final RegulationCatalog regulations;
    private final JsonMapper json;
    private final ChainVerifications verifications;

    ReviewPages(
            ReviewQueue queue,
            ReviewWork work,
            CaseStore cases,
            DecisionStore decisions,
            CaseHistory history,
            Dashboard dashboard,
            RegulationCatalog regulations,
            JsonMapper json,
            ChainVerifications verifications) {
        this.queue = queue;
        this.work = work;
        this.cases = cases;
        this.decisions = decisions;
        this.history = history;
        this.dashboard = dashboard;
        this.regulations = regulations;
        this.json = json;
        this.verifications = verifications;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Each role starts where its work is. */
    @GetMapping("/")
    String home(Authentication user) {
        if (has(user, "REVIEWER")) {
            return "redirect:/review";
        }
        if (has(user, "POLICY_OFFICER")) {
            return "redirect:/rules";
        }
        if (has(user, "SCHEDULER") || has(user, "AUDITOR")) {
            return "redirect:/dashboard";
        }
        if (has(user, "PLATFORM_ADMIN")) {
            return "redirect:/platform";
        }
        return "redirect:/swagger-ui.html";
    }

    @GetMapping("/review")
    String queue(
            @RequestParam(required = false) String caseType,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy,
            @RequestParam(required = false) Long run,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        QueueFilter filter = QueueFilter.of(caseType, reason, dueBy, run);
        model.addAttribute("filter", filter);
        model.addAttribute("queue", queue.page(filter, page, 20));
        model.addAttribute("caseTypes", new java.util.TreeSet<>(regulations.caseTypes()));
        model.addAttribute("reasons", queue.reasons());
        // htmx asks for the table only; a history restore needs the whole page again
        return htmx != null && historyRestore == null ? "review/queue :: table" : "review/queue";
    }

    @GetMapping("/review/cases/{caseId}")
    String caseFile(@PathVariable long caseId, Principal reviewer, Locale locale, Model model) {
        StoredCase stored = cases.find(caseId)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        String language = locale.getLanguage().equals("en") ? "en" : "nl";
        List<StoredDecision> taken = decisions.findFor(caseId).stream()
                .map(decision -> MotivationLanguage.of(decision, language))
                .toList();
        List<CaseHistory.Task> tasks = history.tasks(caseId);
        CaseHistory.Task open = tasks.stream()
                .filter(task -> task.status().equals("OPEN"))
                .findFirst()
                .orElse(null);
        model.addAttribute("caseFile", stored);
        model.addAttribute("input", ApplicationFields.of(json, stored.input()));
        model.addAttribute("decisions", taken);
        model.addAttribute("tasks", tasks);
        model.addAttribute("openTask", open);
        model.addAttribute("mine", open != null && reviewer.getName().equals(open.claimedBy()));
        model.addAttribute("outcomes", outcomes(stored.caseType()));
        model.addAttribute("amountNames", work.amountNames(stored.caseType()));
        model.addAttribute("amountLabels", work.amountLabels(stored.caseType(), locale));
        model.addAttribute("events", history.of(caseId));
        return "review/case";
    }

    @PostMapping("/review/tasks/{taskId}/claim")
    String claim(@PathVariable long taskId, Principal reviewer, RedirectAttributes flash) {
        try {
            return "redirect:/review/cases/" + work.claim(taskId, reviewer.getName());
        } catch (ReviewRefused refused) {
            notFound(refused);
            flash.addFlashAttribute("error", refused.getMessage());
            return "redirect:/review";
        }
    }

    @PostMapping("/review/tasks/{taskId}/release")
    String release(@PathVariable long taskId, Principal reviewer, RedirectAttributes flash) {
        try {
            work.release(taskId, reviewer.getName());
        } catch (ReviewRefused refused) {
            notFound(refused);
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/review";
    }

    @PostMapping("/review/tasks/{taskId}/decision")
    String decide(
            @PathVariable long taskId,
            @RequestParam long caseId,
            @RequestParam(required = false) Outcome outcome,
            @RequestParam(required = false) String motivation,
            @RequestParam Map<String, String> form,
            Principal reviewer,
            RedirectAttributes flash) {
        try {
            work.decide(taskId, reviewer.getName(), outcome, motivation, amounts(form));
        } catch (ReviewRefused refused) {
            notFound(refused);
            flash.addFlashAttribute("error", refused.getMessage());
            flash.addFlashAttribute("motivation", motivation);
            return "redirect:/review/cases/" + caseId;
        }
        flash.addFlashAttribute("message", "decided");
        flash.addFlashAttribute("decidedCase", caseId);
        flash.addFlashAttribute("decidedTask", taskId); // its motivation draft can go
        return "redirect:/review";
    }

    @PostMapping("/review/cases/{caseId}/objection")
    String object(
            @PathVariable long caseId, @RequestParam String reason, Principal reviewer, RedirectAttributes flash) {
        try {
            work.object(caseId, reviewer.getName(), reason);
        } catch (ReviewRefused refused) {
            notFound(refused);
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/review/cases/" + caseId;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        Dashboard.Figures figures = dashboard.figures();
        Map<String, List<Dashboard.DayRate>> byCaseType = new TreeMap<>();
        figures.automation()
                .forEach(rate -> byCaseType
                        .computeIfAbsent(rate.caseType(), type -> new ArrayList<>())
                        .add(rate));
        model.addAttribute("figures", figures);
        model.addAttribute("series", byCaseType);
        model.addAttribute(
                "chainVerification",
                Municipality.current().flatMap(verifications::last).orElse(null));
        return "dashboard";
    }

    /** The form's {@code amount-<name>} fields that were filled in, read as euros (comma or point). */
    private static Map<String, BigDecimal> amounts(Map<String, String> form) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (field.startsWith(AMOUNT_FIELD) && value != null && !value.isBlank()) {
                String name = field.substring(AMOUNT_FIELD.length());
                try {
                    amounts.put(name, new BigDecimal(value.trim().replace(',', '.')));
                } catch (NumberFormatException e) {
                    throw new ReviewRefused(
                            "Bedrag " + name + ": '" + value + "' is geen bedrag zoals 110,00.",
                            ReviewRefused.Kind.INVALID);
                }
            }
        });
        return amounts;
    }

    private List<Outcome> outcomes(String caseType) {
        return work.allowedOutcomes(caseType).stream().sorted().toList();
    }

    /**
     * A task or case that is not there, or is another municipality's, answers 404 as the case page
     * does, rather than a message on a page about it.
     */
    private static void notFound(ReviewRefused refused) {
        if (refused.kind() == ReviewRefused.Kind.NOT_FOUND) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, refused.getMessage());
        }
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
    }
}
