package nl.beslisstraat.engine.authoring;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.beslisstraat.engine.norms.NoNormsInForce;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.norms.NormTable;
import nl.beslisstraat.engine.norms.NormVersion;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.vocabulary.CaseVocabulary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
 * The policy officers' norm pages: the versions on a timeline with the one in force today, the
 * amounts of a version on screen (and as CSV, to change), upload
 * a new version, see its example cases, its changes amount by amount and what it would change in
 * past decisions, and approve a colleague's version with its effective date.
 */
@Controller
class NormPages {

    private final NormCandidates candidates;
    private final NormCatalog catalog;
    private final Simulation simulation;
    private final UserAccounts accounts;
    private final OfficerJobs jobs;
    private final VersionTimelines timelines;
    private final RegulationCatalog regulations;

    private final CaseVocabulary words;

    NormPages(
            NormCandidates candidates,
            NormCatalog catalog,
            Simulation simulation,
            UserAccounts accounts,
            OfficerJobs jobs,
            VersionTimelines timelines,
            RegulationCatalog regulations,
            CaseVocabulary words) {
        this.timelines = timelines;
        this.words = words;
        this.regulations = regulations;
        this.candidates = candidates;
        this.catalog = catalog;
        this.simulation = simulation;
        this.accounts = accounts;
        this.jobs = jobs;
    }

    /**
     * The norm table's versions on a timeline, and the amounts of one version on screen (the one in
     * force today unless the officer picks another), period by period.
     */
    @GetMapping("/norms")
    String overview(@RequestParam(required = false) String version, Locale locale, Model model) {
        List<NormVersion> newestFirst = new ArrayList<>(catalog.versions());
        Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute("timeline", timelines.norms());
        NormVersion inForce = inForceToday();
        NormVersion shown = catalog.find(version).orElse(inForce);
        model.addAttribute("inForce", inForce == null ? null : inForce.version());
        model.addAttribute("shown", shown);
        model.addAttribute("amounts", shown == null ? List.of() : NormAmountRows.of(shown, null, keyWords(), locale));
        return "norms/overview";
    }

    private NormVersion inForceToday() {
        try {
            return catalog.inForce(LocalDate.now(DecisionDeadline.NETHERLANDS));
        } catch (NoNormsInForce none) {
            return null;
        }
    }

    /**
     * The regulations' words for a key of the norm table, field and value (householdType SINGLE:
     * "Leefsituatie: alleenstaande"), from the first regulation reading norms that declares the field.
     */
    private NormAmountRows.KeyWords keyWords() {
        Map<String, String> caseTypeOfField = new HashMap<>();
        regulations.shipped().stream()
                .filter(RuleSet::readsNorms)
                .forEach(ruleSet -> ruleSet.inputSchema()
                        .titles()
                        .keySet()
                        .forEach(field -> caseTypeOfField.putIfAbsent(field, ruleSet.caseType())));
        return (field, value) -> {
            String caseType = caseTypeOfField.get(field);
            return caseType == null
                    ? field + ": " + value
                    : words.field(caseType, field) + ": " + words.value(caseType, field, value);
        };
    }

    /** The version as CSV, the starting point of the next version. */
    @GetMapping(value = "/norms/versions/{version}/csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String version) {
        NormVersion shown = catalog.find(version)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "Normversie " + version + " bestaat niet."));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"normen-" + version + ".csv\"")
                .body(NormTable.csv(shown));
    }

    @PostMapping("/norms/upload")
    String upload(
            @RequestParam String version,
            @RequestParam(required = false) String note,
            @RequestParam("table") MultipartFile table,
            Principal officer,
            Locale locale,
            RedirectAttributes flash)
            throws IOException {
        try {
            NormCandidate uploaded = candidates.upload(
                    version, note == null || note.isBlank() ? null : note, table.getBytes(), officer.getName());
            return "redirect:/norms/candidates/" + uploaded.id();
        } catch (InvalidUpload invalid) {
            flash.addFlashAttribute("errors", invalid.problems(locale));
            return "redirect:/norms";
        } catch (OfficerJobs.OfficerBusy busy) {
            flash.addFlashAttribute("errors", List.of(busy.in(locale)));
            return "redirect:/norms";
        }
    }

    @GetMapping("/norms/candidates/{id}")
    String candidate(@PathVariable long id, Principal officer, Locale locale, Model model) {
        NormCandidate candidate;
        try {
            candidate = candidates.find(id);
        } catch (ApprovalRefused.NotFound unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        model.addAttribute("candidate", candidate);
        NormCandidates.Comparison comparison = candidates.comparison(id);
        model.addAttribute("diff", NormAmountRows.diff(comparison.changes(), keyWords(), locale));
        model.addAttribute("base", comparison.base());
        model.addAttribute("firstChange", NormCandidates.firstChange(comparison.changes()));
        // a draft's amounts on screen, marked where they differ from the version in force today
        NormVersion inForce = inForceToday();
        boolean draft = candidate.status().equals("DRAFT");
        model.addAttribute("comparedWith", draft && inForce != null ? inForce.version() : null);
        model.addAttribute(
                "amounts", NormAmountRows.of(candidates.norms(id), draft ? inForce : null, keyWords(), locale));
        model.addAttribute(
                "runningSimulation",
                jobs.of(officer.getName())
                        .filter(job -> job.kind() == OfficerJobs.Kind.SIMULATION
                                && job.target().equals(new OfficerJobs.Target(DraftUploaded.Kind.NORMS, id)))
                        .orElse(null));
        model.addAttribute(
                "mayApprove",
                FourEyes.mayApprove(accounts, officer.getName(), candidate.authorship(), candidate.status()));
        return "norms/candidate";
    }

    @PostMapping("/norms/candidates/{id}/simulation")
    String simulate(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer last,
            Principal officer,
            Locale locale,
            RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("simulation", simulation.runNorms(id, asOf, from, to, last, officer.getName()));
            flash.addFlashAttribute("simulatedAsOf", asOf);
        } catch (OfficerJobs.OfficerBusy busy) {
            flash.addFlashAttribute("error", busy.in(locale));
        }
        return "redirect:/norms/candidates/" + id;
    }

    /** Stops the officer's own simulation of this version, running in another tab. */
    @PostMapping("/norms/candidates/{id}/simulation/cancellation")
    String cancelSimulation(@PathVariable long id, Principal officer) {
        jobs.cancelSimulation(officer.getName(), new OfficerJobs.Target(DraftUploaded.Kind.NORMS, id));
        return "redirect:/norms/candidates/" + id;
    }

    @PostMapping("/norms/candidates/{id}/approval")
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
        return "redirect:/norms/candidates/" + id;
    }

    @PostMapping("/norms/candidates/{id}/withdrawal")
    String withdraw(@PathVariable long id, Principal officer, Locale locale, RedirectAttributes flash) {
        try {
            candidates.withdraw(id, officer.getName());
        } catch (ApprovalRefused refused) {
            flash.addFlashAttribute("error", Refusals.one(refused, locale));
        }
        return "redirect:/norms/candidates/" + id;
    }
}
