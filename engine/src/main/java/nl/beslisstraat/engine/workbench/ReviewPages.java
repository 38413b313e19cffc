package nl.beslisstraat.engine.workbench;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.beslisstraat.engine.audit.ChainVerifications;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.decision.StoredDecision;
import nl.beslisstraat.engine.intake.MotivationLanguage;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.security.KeptForm;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.rules.Outcome;
import org.springframework.context.MessageSource;
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
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviewers' workbench as web pages (Thymeleaf, htmx for the queue table): sign-in, the
 * queue (all tasks or the reviewer's own, kept as the reviewer left it), a case with the engine's
 * explanation and below it the decision form, a confirmation of what will be recorded, the
 * dashboard. Forms forgive: a refusal or an ended session gives every value back ({@link
 * DecisionForm}, {@link KeptForm}). Proved by {@code ReviewerBrowserTests} and {@code
 * ReviewerFormsBrowserTests}.
 */
@Controller
class ReviewPages {

    /** The session attribute with the query of the queue as the reviewer last had it. */
    private static final String QUEUE = ReviewPages.class.getName() + ".queue";

    private static final List<String> QUEUE_PARAMETERS = List.of("caseType", "reason", "dueBy", "run", "view", "page");
    /** The session attribute (plus the task id) with the decision form last sent to its confirmation. */
    private static final String CHECKED = ReviewPages.class.getName() + ".checked-";

    private static final String MINE = "mine";
    private static final String ALL = "all";

    private final ReviewQueue queue;
    private final ReviewWork work;
    private final CaseStore cases;
    private final DecisionStore decisions;
    private final CaseHistory history;
    private final Dashboard dashboard;
    private final RegulationCatalog regulations;
    private final JsonMapper json;
    private final ChainVerifications verifications;
    private final MessageSource messages;

    ReviewPages(
            ReviewQueue queue,
            ReviewWork work,
            CaseStore cases,
            DecisionStore decisions,
            CaseHistory history,
            Dashboard dashboard,
            RegulationCatalog regulations,
            JsonMapper json,
            ChainVerifications verifications,
            MessageSource messages) {
        this.queue = queue;
        this.work = work;
        this.cases = cases;
        this.decisions = decisions;
        this.history = history;
        this.dashboard = dashboard;
        this.regulations = regulations;
        this.json = json;
        this.verifications = verifications;
        this.messages = messages;
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
            @RequestParam(required = false) String view,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            HttpServletRequest request,
            Principal reviewer,
            Model model) {
        // The queue as the reviewer left it: after claiming, releasing, deciding or switching
        // language (a link without the filters) the filters, the view and the page come back.
        boolean asked = QUEUE_PARAMETERS.stream().anyMatch(request.getParameterMap()::containsKey);
        String kept = (String) request.getSession().getAttribute(QUEUE);
        if (!asked && htmx == null && kept != null && !kept.isEmpty()) {
            return "redirect:/review?" + kept;
        }
        boolean mine = MINE.equals(view);
        QueueFilter filter = QueueFilter.of(caseType, reason, dueBy, run);
        QueuePage shown = queue.page(mine ? filter.heldBy(reviewer.getName()) : filter, page, 20);
        request.getSession().setAttribute(QUEUE, query(filter, mine, shown.page()));
        model.addAttribute("filter", filter);
        model.addAttribute("view", mine ? MINE : ALL);
        model.addAttribute("queue", shown);
        model.addAttribute("caseTypes", new java.util.TreeSet<>(regulations.caseTypes()));
        model.addAttribute("reasons", queue.reasons());
        // htmx asks for the table only; a history restore needs the whole page again
        return htmx != null && historyRestore == null ? "review/queue :: table" : "review/queue";
    }

    @GetMapping("/review/cases/{caseId}")
    String caseFile(
            @PathVariable long caseId, Principal reviewer, Locale locale, HttpServletRequest request, Model model) {
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
        List<String> amountNames = work.amountNames(stored.caseType());
        if (!model.containsAttribute("form")) {
            // a form posted when the session had ended comes back filled in as it was sent
            Optional<KeptForm> kept =
                    open == null ? Optional.empty() : KeptForm.take(request, decisionPaths(open.id()));
            model.addAttribute("restored", kept.isPresent());
            model.addAttribute(
                    "form",
                    kept.map(form -> DecisionForm.of(form, amountNames))
                            .orElseGet(() -> DecisionForm.prefilled(computed(taken), amountNames, locale)));
        }
        List<DecisionForm.Problem> problems =
                (List<DecisionForm.Problem>) model.asMap().getOrDefault("problems", List.<DecisionForm.Problem>of());
        Map<String, String> fieldProblems = new LinkedHashMap<>();
        problems.forEach(problem -> fieldProblems.putIfAbsent(problem.field(), problem.message()));
        model.addAttribute("problems", problems);
        model.addAttribute("fieldProblems", fieldProblems);
        model.addAttribute("caseFile", stored);
        model.addAttribute("input", ApplicationFields.of(json, stored.input()));
        model.addAttribute("decisions", taken);
        model.addAttribute("tasks", tasks);
        model.addAttribute("openTask", open);
        model.addAttribute("mine", open != null && reviewer.getName().equals(open.claimedBy()));
        model.addAttribute("outcomes", outcomes(stored.caseType()));
        model.addAttribute("amountNames", amountNames);
        model.addAttribute("amountLabels", work.amountLabels(stored.caseType(), locale));
        model.addAttribute("events", history.of(caseId));
        model.addAttribute("queueUrl", queueUrl(request));
        return "review/case";
    }

    @PostMapping("/review/tasks/{taskId}/claim")
    String claim(
            @PathVariable long taskId,
            Principal reviewer,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            long caseId = work.claim(taskId, reviewer.getName());
            flash.addFlashAttribute("notice", messages.getMessage("case.claimed", new Object[] {caseId}, locale));
            return "redirect:/review/cases/" + caseId;
        } catch (ReviewRefused refused) {
            notFound(refused);
            flash.addFlashAttribute("error", said(refused, locale));
            return "redirect:" + queueUrl(request);
        }
    }

    @PostMapping("/review/tasks/{taskId}/release")
    String release(
            @PathVariable long taskId,
            Principal reviewer,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            long caseId = work.release(taskId, reviewer.getName());
            flash.addFlashAttribute("notice", messages.getMessage("queue.released", new Object[] {caseId}, locale));
        } catch (ReviewRefused refused) {
            notFound(refused);
            flash.addFlashAttribute("error", said(refused, locale));
        }
        return "redirect:" + queueUrl(request);
    }

    /**
     * The decision form, checked: back to the form with every value and the problems, or on to the
     * confirmation of what will be recorded. Nothing is recorded yet.
     */
    @PostMapping("/review/tasks/{taskId}/decision")
    String check(
            @PathVariable long taskId,
            @RequestParam Map<String, String> fields,
            Locale locale,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        DecisionForm form = DecisionForm.of(fields, namesOfTask(taskId));
        request.getSession().setAttribute(CHECKED + taskId, form);
        return confirmOrCorrect(taskId, form, false, locale, model, flash);
    }

    /**
     * The confirmation page again, after signing in, when "Confirm" was pressed after the session had
     * ended (the confirmation page's address is this one); without a kept form, the case.
     */
    @GetMapping({"/review/tasks/{taskId}/decision", "/review/tasks/{taskId}/decision/confirmation"})
    String checkKept(
            @PathVariable long taskId,
            Locale locale,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        long caseId = caseOf(taskId);
        Optional<KeptForm> kept = KeptForm.take(request, decisionPaths(taskId));
        if (kept.isPresent()) {
            return confirmOrCorrect(
                    taskId, DecisionForm.of(kept.get(), namesOfTask(taskId)), true, locale, model, flash);
        }
        // the confirmation opened again in the same session, as after the language switch
        if (request.getSession().getAttribute(CHECKED + taskId) instanceof DecisionForm checked) {
            return confirmOrCorrect(taskId, checked, false, locale, model, flash);
        }
        return "redirect:/review/cases/" + caseId;
    }

    /** "Back to the form" on the confirmation page: the form with everything as it was. */
    @PostMapping("/review/tasks/{taskId}/decision/edit")
    String edit(@PathVariable long taskId, @RequestParam Map<String, String> fields, RedirectAttributes flash) {
        flash.addFlashAttribute("form", DecisionForm.of(fields, namesOfTask(taskId)));
        return "redirect:/review/cases/" + caseOf(taskId) + "#decision";
    }

    /** The confirmed decision: recorded, irreversibly, beside the engine's advice. */
    @PostMapping("/review/tasks/{taskId}/decision/confirmation")
    String decide(
            @PathVariable long taskId,
            @RequestParam Map<String, String> fields,
            Principal reviewer,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes flash) {
        long caseId = caseOf(taskId);
        StoredCase stored = cases.find(caseId).orElseThrow();
        DecisionForm form = DecisionForm.of(fields, work.amountNames(stored.caseType()));
        DecisionForm.Checked checked = check(form, stored.caseType(), locale);
        if (!checked.valid()) {
            return backToForm(caseId, form, checked.problems(), flash);
        }
        try {
            work.decide(taskId, reviewer.getName(), checked.outcome(), checked.motivation(), checked.amounts());
        } catch (ReviewRefused refused) {
            notFound(refused);
            return backToForm(
                    caseId, form, List.of(new DecisionForm.Problem("decision", said(refused, locale))), flash);
        }
        request.getSession().removeAttribute(CHECKED + taskId);
        flash.addFlashAttribute("message", "decided");
        flash.addFlashAttribute("decidedCase", caseId);
        flash.addFlashAttribute("decidedTask", taskId); // its motivation draft can go
        return "redirect:" + queueUrl(request);
    }

    @PostMapping("/review/cases/{caseId}/objection")
    String object(
            @PathVariable long caseId,
            @RequestParam String reason,
            Principal reviewer,
            Locale locale,
            RedirectAttributes flash) {
        try {
            work.object(caseId, reviewer.getName(), reason);
        } catch (ReviewRefused refused) {
            notFound(refused);
            flash.addFlashAttribute("error", said(refused, locale));
        }
        return "redirect:/review/cases/" + caseId;
    }

    private String confirmOrCorrect(
            long taskId, DecisionForm form, boolean restored, Locale locale, Model model, RedirectAttributes flash) {
        long caseId = caseOf(taskId);
        StoredCase stored = cases.find(caseId).orElseThrow();
        DecisionForm.Checked checked = check(form, stored.caseType(), locale);
        if (!checked.valid()) {
            flash.addFlashAttribute("restored", restored);
            return backToForm(caseId, form, checked.problems(), flash);
        }
        model.addAttribute("caseFile", stored);
        model.addAttribute("taskId", taskId);
        model.addAttribute("form", form);
        model.addAttribute("checked", checked);
        model.addAttribute("restored", restored);
        model.addAttribute("amountNames", work.amountNames(stored.caseType()));
        model.addAttribute("amountLabels", work.amountLabels(stored.caseType(), locale));
        model.addAttribute(
                "amountsDropped", form.hasAmounts() && !checked.outcome().grants());
        return "review/confirm";
    }

    private static String backToForm(
            long caseId, DecisionForm form, List<DecisionForm.Problem> problems, RedirectAttributes flash) {
        flash.addFlashAttribute("form", form);
        flash.addFlashAttribute("problems", problems);
        return "redirect:/review/cases/" + caseId + "#error-summary";
    }

    private DecisionForm.Checked check(DecisionForm form, String caseType, Locale locale) {
        return form.check(
                work.allowedOutcomes(caseType),
                outcomes(caseType),
                work.amountLabels(caseType, locale),
                messages,
                locale);
    }

    private List<String> namesOfTask(long taskId) {
        return work.amountNames(cases.find(caseOf(taskId)).orElseThrow().caseType());
    }

    private long caseOf(long taskId) {
        try {
            return work.caseOf(taskId);
        } catch (ReviewRefused refused) {
            notFound(refused);
            throw refused;
        }
    }

    /** The paths of a task's decision form, whose kept post the case page can put back. */
    private static Predicate<String> decisionPaths(long taskId) {
        String decision = "/review/tasks/" + taskId + "/decision";
        return path -> path.equals(decision) || path.startsWith(decision + "/");
    }

    /** The amounts the engine computed for the case (its latest decision that has any), by name. */
    private static Map<String, String> computed(List<StoredDecision> taken) {
        Map<String, String> amounts = new LinkedHashMap<>();
        for (StoredDecision decision : taken) {
            if (decision.automated()
                    && decision.amounts() != null
                    && !decision.amounts().isEmpty()) {
                amounts.clear();
                decision.amounts()
                        .properties()
                        .forEach(amount ->
                                amounts.put(amount.getKey(), amount.getValue().asString()));
            }
        }
        return amounts;
    }

    /** A refusal in the reviewer's language, naming the case. */
    private String said(ReviewRefused refused, Locale locale) {
        return refused.in(messages, locale);
    }

    /** The queue as this reviewer last had it (filters, view, page). */
    private static String queueUrl(HttpServletRequest request) {
        Object kept = request.getSession().getAttribute(QUEUE);
        return kept instanceof String query && !query.isEmpty() ? "/review?" + query : "/review";
    }

    private static String query(QueueFilter filter, boolean mine, int page) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (filter.caseType() != null) {
            query.queryParam("caseType", filter.caseType());
        }
        if (filter.reason() != null) {
            query.queryParam("reason", filter.reason());
        }
        if (filter.dueBy() != null) {
            query.queryParam("dueBy", filter.dueBy());
        }
        if (filter.run() != null) {
            query.queryParam("run", filter.run());
        }
        if (mine) {
            query.queryParam("view", MINE);
        }
        if (page > 0) {
            query.queryParam("page", page);
        }
        String built = query.encode().build().getQuery();
        return built == null ? "" : built;
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
