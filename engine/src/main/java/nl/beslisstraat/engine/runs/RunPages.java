package nl.beslisstraat.engine.runs;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.IsoDate;
import nl.beslisstraat.engine.regulation.Phrase;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The schedulers' console as pages: the history of runs with the requests and whether a manager
 * process is alive, the schedule form, starting a run (with a confirmation step), and a run's page
 * whose progress fragment htmx asks for every two seconds while the run runs. Auditors see the same
 * pages without forms or buttons.
 */
@Controller
class RunPages {

    private final RunSchedule schedule;
    private final RunRequests requests;
    private final RunHistory history;
    private final RunProgress progress;

    RunPages(RunSchedule schedule, RunRequests requests, RunHistory history, RunProgress progress) {
        this.schedule = schedule;
        this.requests = requests;
        this.history = history;
        this.progress = progress;
    }

    @GetMapping("/runs")
    String history(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        RunHistory.Filter filter = RunHistory.Filter.of(status, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("runs", history.list(filter));
        model.addAttribute("statuses", List.of("STARTED", "COMPLETED", "FAILED", "STOPPED"));
        model.addAttribute("requests", requests.recent(10));
        model.addAttribute("managerAlive", requests.managerAlive());
        model.addAttribute("schedule", schedule.view());
        return "runs/history";
    }

    @GetMapping("/runs/schedule")
    String schedule(Model model) {
        RunSchedule.View view = schedule.view();
        model.addAttribute("view", view);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    view.schedule() == null
                            ? new ScheduleForm("02:00", "EVERY_DAY", List.of(), null, false)
                            : ScheduleForm.of(
                                    view.schedule().cron(), view.schedule().paused()));
        }
        // the schedule in force, in words where the form's simple choices can say it
        model.addAttribute(
                "current",
                view.schedule() == null
                        ? null
                        : ScheduleForm.of(
                                view.schedule().cron(), view.schedule().paused()));
        model.addAttribute("weekdays", ScheduleForm.WEEKDAYS);
        return "runs/schedule";
    }

    @PostMapping("/runs/schedule")
    String saveSchedule(
            @RequestParam(required = false) String time,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) List<String> weekdays,
            @RequestParam(required = false) String cron,
            Principal user,
            Locale locale,
            RedirectAttributes flash) {
        ScheduleForm form = new ScheduleForm(
                time, days, weekdays == null ? List.of() : weekdays, "ADVANCED".equals(days) ? cron : null, null);
        try {
            schedule.save(form, user.getName());
            flash.addFlashAttribute("message", "runs.schedule.saved");
        } catch (RunRefused refused) {
            flash.addFlashAttribute("error", refused.in(locale));
            flash.addFlashAttribute("errorField", refused.field());
            flash.addFlashAttribute("form", new ScheduleForm(time, days, form.weekdays(), cron, null));
        }
        return "redirect:/runs/schedule";
    }

    @PostMapping("/runs/schedule/pause")
    String pause(Principal user, Locale locale, RedirectAttributes flash) {
        return paused(true, user, locale, flash);
    }

    @PostMapping("/runs/schedule/resume")
    String resume(Principal user, Locale locale, RedirectAttributes flash) {
        return paused(false, user, locale, flash);
    }

    private String paused(boolean paused, Principal user, Locale locale, RedirectAttributes flash) {
        try {
            schedule.pause(paused, user.getName());
            flash.addFlashAttribute("message", paused ? "runs.schedule.pausedNow" : "runs.schedule.resumedNow");
        } catch (RunRefused refused) {
            flash.addFlashAttribute("error", refused.in(locale));
        }
        return "redirect:/runs/schedule";
    }

    @GetMapping("/runs/start")
    String startForm(Model model) {
        if (!model.containsAttribute("runDate")) {
            model.addAttribute("runDate", LocalDate.now(PlannedStarts.AMSTERDAM).toString());
        }
        model.addAttribute("managerAlive", requests.managerAlive());
        return "runs/start";
    }

    /** The second step: the date checked, the scheduler confirms or cancels. */
    @PostMapping("/runs/start/confirmation")
    String confirm(
            @RequestParam(required = false) String runDate, Model model, Locale locale, RedirectAttributes flash) {
        try {
            model.addAttribute("runDate", RunRequests.checkedRunDate(date(runDate)));
            return "runs/confirm";
        } catch (RunRefused refused) {
            flash.addFlashAttribute("error", refused.in(locale));
            flash.addFlashAttribute("runDate", runDate);
            return "redirect:/runs/start";
        }
    }

    @PostMapping("/runs/start")
    String start(
            @RequestParam(required = false) String runDate, Principal user, Locale locale, RedirectAttributes flash) {
        try {
            RunRequests.Request request = requests.start(date(runDate), user.getName());
            flash.addFlashAttribute("message", "runs.requested");
            flash.addFlashAttribute("requestId", request.id());
            return "redirect:/runs";
        } catch (RunRefused refused) {
            flash.addFlashAttribute("error", refused.in(locale));
            flash.addFlashAttribute("runDate", runDate);
            return "redirect:/runs/start";
        }
    }

    @GetMapping("/runs/{runId}")
    String run(@PathVariable long runId, Model model) {
        model.addAttribute("snapshot", snapshot(runId));
        model.addAttribute(
                "requests",
                requests.recent(50).stream()
                        .filter(request -> request.runId() != null && request.runId() == runId)
                        .toList());
        return "runs/run";
    }

    @GetMapping("/runs/{runId}/progress")
    String runProgress(@PathVariable long runId, Model model) {
        model.addAttribute("snapshot", snapshot(runId));
        return "runs/run :: progress";
    }

    @PostMapping("/runs/{runId}/stop")
    String stop(@PathVariable long runId, Principal user, Locale locale, RedirectAttributes flash) {
        return act(runId, RunRequests.Action.STOP, user, locale, flash);
    }

    @PostMapping("/runs/{runId}/restart")
    String restart(@PathVariable long runId, Principal user, Locale locale, RedirectAttributes flash) {
        return act(runId, RunRequests.Action.RESTART, user, locale, flash);
    }

    @PostMapping("/runs/{runId}/recover")
    String recover(@PathVariable long runId, Principal user, Locale locale, RedirectAttributes flash) {
        return act(runId, RunRequests.Action.RECOVER, user, locale, flash);
    }

    private String act(long runId, RunRequests.Action action, Principal user, Locale locale, RedirectAttributes flash) {
        try {
            requests.act(runId, action, user.getName());
            flash.addFlashAttribute("message", "runs.requested");
        } catch (RunRefused refused) {
            if (refused.kind() == RunRefused.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.getMessage());
            }
            flash.addFlashAttribute("error", refused.in(locale));
        }
        return "redirect:/runs/" + runId;
    }

    private RunProgress.Snapshot snapshot(long runId) {
        return progress.of(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return IsoDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new RunRefused(
                    RunRefused.Kind.INVALID,
                    "runDate",
                    Phrase.of(
                            "Rundatum: '{0}' is geen datum als 2026-11-30.",
                            "Run date: '{0}' is no date such as 2026-11-30.", text.trim()));
        }
    }
}
