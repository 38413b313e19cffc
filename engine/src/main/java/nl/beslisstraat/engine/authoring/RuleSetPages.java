package nl.beslisstraat.engine.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy officers' pages: upload a new version of a decision table, see its example cases,
 * what it changes and what it would change in past decisions, and approve a colleague's version.
 */
@Controller
class RuleSetPages {

    private final RuleSetCandidates candidates;
    private final Simulation simulation;
    private final RegulationCatalog regulations;
    private final UserAccounts accounts;
    private final OfficerJobs jobs;
    private final VersionTimelines timelines;

    RuleSetPages(
            RuleSetCandidates candidates,
            Simulation simulation,
            RegulationCatalog regulations,
            UserAccounts accounts,
            OfficerJobs jobs,
            VersionTimelines timelines) {
        this.timelines = timelines;
        this.candidates = candidates;
        this.simulation = simulation;
        this.regulations = regulations;
        this.accounts = accounts;
        this.jobs = jobs;
    }

    @GetMapping("/rules")
    String overview(@RequestParam(defaultValue = "PARKING_PERMIT") String caseType, Model model) {
        if (!regulations.knows(caseType)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend zaaktype " + caseType);
        }
        model.addAttribute(
                "caseTypes", regulations.caseTypesFor(Municipality.current().orElse(null)));
        model.addAttribute("caseType", caseType);
        // the version in force today is marked on the timelines, as the catalog that decides answers it
        model.addAttribute("timeline", timelines.ruleSets(caseType));
        model.addAttribute("choicesTimeline", timelines.choices(caseType));
        model.addAttribute("choices", candidates.choicesInForce(caseType));
        List<String> shipped = regulations.shipped().stream()
                .filter(ruleSet -> ruleSet.caseType().equals(caseType))
                .map(ruleSet -> ruleSet.version().substring(caseType.length() + 1))
                .toList();
        model.addAttribute("modelVersions", shipped);
        List<String> versions = new java.util.ArrayList<>(shipped);
        candidates.of(caseType).stream()
                .filter(upload -> upload.approvedAt() != null)
                .forEach(upload -> versions.add(upload.version()));
        model.addAttribute("versions", versions);
        return "rules/overview";
    }

    /** An earlier version back as a new draft, to be approved with the date it applies again. */
    @PostMapping("/rules/reactivation")
    String reactivate(
            @RequestParam String caseType,
            @RequestParam String version,
            @RequestParam String newVersion,
            Principal officer,
            Locale locale,
            RedirectAttributes flash) {
        try {
            Candidate draft = candidates.reactivate(caseType, version, newVersion, officer.getName());
            return "redirect:/rules/candidates/" + draft.id();
        } catch (InvalidUpload | ApprovalRefused | OfficerJobs.OfficerBusy refused) {
            flash.addFlashAttribute("errors", Refusals.in(refused, locale));
            return "redirect:/rules?caseType=" + caseType;
        }
    }

    @PostMapping("/rules/upload")
    String upload(
            @RequestParam String caseType,
            @RequestParam String version,
            @RequestParam("table") MultipartFile table,
            @RequestParam(name = "examples", required = false) MultipartFile examples,
            Principal officer,
            Locale locale,
            RedirectAttributes flash)
            throws IOException {
        try {
            String ownExamples = examples == null || examples.isEmpty()
                    ? null
                    : new String(examples.getBytes(), StandardCharsets.UTF_8);
            Candidate uploaded = candidates.upload(caseType, version, table.getBytes(), ownExamples, officer.getName());
            return "redirect:/rules/candidates/" + uploaded.id();
        } catch (InvalidUpload invalid) {
            flash.addFlashAttribute("errors", invalid.problems(locale));
            return "redirect:/rules?caseType=" + caseType;
        } catch (OfficerJobs.OfficerBusy busy) {
            flash.addFlashAttribute("errors", List.of(busy.in(locale)));
            return "redirect:/rules?caseType=" + caseType;
        }
    }

    /**
     * The municipality's values for the model's local choices, as a draft: the form's fields are
     * {@code choice.<name>}, an empty one follows the model.
     */
    @PostMapping("/rules/choices")
    String uploadChoices(
            @RequestParam String caseType,
            @RequestParam String version,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "examples", required = false) MultipartFile examples,
            Principal officer,
            Locale locale,
            RedirectAttributes flash)
            throws IOException {
        Map<String, String> values = new java.util.TreeMap<>();
        form.forEach((field, value) -> {
            if (field.startsWith(CHOICE)) {
                values.put(field.substring(CHOICE.length()), value);
            }
        });
        try {
            String ownExamples = examples == null || examples.isEmpty()
                    ? null
                    : new String(examples.getBytes(), StandardCharsets.UTF_8);
            Candidate draft = candidates.uploadChoices(caseType, version, values, ownExamples, officer.getName());
            return "redirect:/rules/candidates/" + draft.id();
        } catch (InvalidUpload | ApprovalRefused | OfficerJobs.OfficerBusy refused) {
            flash.addFlashAttribute("errors", Refusals.in(refused, locale));
            return "redirect:/rules?caseType=" + caseType;
        }
    }

    private static final String CHOICE = "choice.";

    /** What a model version changes in the municipality's own past decisions, with its choices kept. */
    @PostMapping("/rules/model-simulation")
    String simulateModelVersion(
            @RequestParam String caseType,
            @RequestParam String version,
            @RequestParam(required = false) Integer last,
            Principal officer,
            Locale locale,
            RedirectAttributes flash) {
        try {
            flash.addFlashAttribute(
                    "modelSimulation",
                    simulation.runModelVersion(caseType, version, null, null, last, officer.getName()));
            flash.addFlashAttribute("modelSimulationVersion", version);
        } catch (ApprovalRefused | OfficerJobs.OfficerBusy refused) {
            flash.addFlashAttribute("errors", Refusals.in(refused, locale));
        }
        return "redirect:/rules?caseType=" + caseType;
    }

    @GetMapping("/rules/candidates/{id}")
    String candidate(@PathVariable long id, Principal officer, Model model) {
        Candidate candidate;
        try {
            candidate = candidates.find(id);
        } catch (ApprovalRefused.NotFound unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        model.addAttribute("candidate", candidate);
        model.addAttribute("diff", candidates.diff(id));
        model.addAttribute("choiceValues", candidates.choiceValues(id));
        model.addAttribute(
                "runningSimulation",
                jobs.of(officer.getName())
                        .filter(job -> job.kind() == OfficerJobs.Kind.SIMULATION
                                && job.target().equals(new OfficerJobs.Target(DraftUploaded.Kind.RULE_SET, id)))
                        .orElse(null));
        model.addAttribute(
                "mayApprove",
                FourEyes.mayApprove(accounts, officer.getName(), candidate.authorship(), candidate.status()));
        return "rules/candidate";
    }

    @PostMapping("/rules/candidates/{id}/simulation")
    String simulate(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer last,
            Principal officer,
            Locale locale,
            RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("simulation", simulation.run(id, from, to, last, officer.getName()));
        } catch (OfficerJobs.OfficerBusy busy) {
            flash.addFlashAttribute("error", busy.in(locale));
        }
        return "redirect:/rules/candidates/" + id;
    }

    /** Stops the officer's own simulation of this version, running in another tab. */
    @PostMapping("/rules/candidates/{id}/simulation/cancellation")
    String cancelSimulation(@PathVariable long id, Principal officer) {
        jobs.cancelSimulation(officer.getName(), new OfficerJobs.Target(DraftUploaded.Kind.RULE_SET, id));
        return "redirect:/rules/candidates/" + id;
    }

    /** The newest decision table of the case type, as XLSX or CSV, to change and upload. */
    @GetMapping("/rules/template")
    ResponseEntity<byte[]> template(@RequestParam String caseType, @RequestParam(defaultValue = "xlsx") String format) {
        if (!regulations.knows(caseType)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekend zaaktype " + caseType);
        }
        boolean csv = format.equals("csv");
        byte[] content = csv
                ? candidates.tableAsCsv(caseType).getBytes(StandardCharsets.UTF_8)
                : candidates.tableAsXlsx(caseType);
        return ResponseEntity.ok()
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + caseType.toLowerCase(Locale.ROOT) + (csv ? ".csv" : ".xlsx") + "\"")
                .contentType(
                        csv
                                ? MediaType.parseMediaType("text/csv")
                                : MediaType.parseMediaType(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(content);
    }

    @PostMapping("/rules/candidates/{id}/approval")
    String approve(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            Principal officer,
            Locale locale,
            RedirectAttributes flash) {
        try {
            candidates.approve(id, officer.getName(), effectiveFrom);
        } catch (ApprovalRefused refused) {
            flash.addFlashAttribute("error", Refusals.one(refused, locale));
        }
        return "redirect:/rules/candidates/" + id;
    }

    @PostMapping("/rules/candidates/{id}/withdrawal")
    String withdraw(@PathVariable long id, Principal officer, Locale locale, RedirectAttributes flash) {
        try {
            candidates.withdraw(id, officer.getName());
        } catch (ApprovalRefused refused) {
            flash.addFlashAttribute("error", Refusals.one(refused, locale));
        }
        return "redirect:/rules/candidates/" + id;
    }
}
