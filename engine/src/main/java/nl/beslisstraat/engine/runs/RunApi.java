package nl.beslisstraat.engine.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The schedulers' console as REST, for the current municipality: the schedule, requests to start,
 * stop, restart or recover a run, the history and a run's progress. Schedulers may do everything,
 * auditors read only (SecurityConfiguration). A refusal answers 400 (the input: {@code field} names
 * it), 404 (no such run here) or 409 (the run's state does not allow it), with {@code error} in
 * Dutch.
 */
@RestController
@RequestMapping(path = "/api/runs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Runs", description = "Nachtelijke runs: schema, verzoeken, voortgang en geschiedenis")
class RunApi {

    /** A request to start a run for a date (today or earlier, Dutch time). */
    record StartRequest(LocalDate runDate) {}

    private final RunSchedule schedule;
    private final RunRequests requests;
    private final RunHistory history;
    private final RunProgress progress;

    RunApi(RunSchedule schedule, RunRequests requests, RunHistory history, RunProgress progress) {
        this.schedule = schedule;
        this.requests = requests;
        this.history = history;
        this.progress = progress;
    }

    @GetMapping("/schedule")
    @Operation(
            summary = "The schedule and its next five planned starts",
            description = "schedule is null when none is set: then no run starts by schedule.")
    RunSchedule.View schedule() {
        return schedule.view();
    }

    @PutMapping(path = "/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Sets (or pauses) the schedule",
            description = "Either cron (six fields, Europe/Amsterdam) or time (HH:MM) with days EVERY_DAY,"
                    + " WORKING_DAYS or WEEKDAYS (with weekdays MON..SUN); paused true pauses, false resumes."
                    + " Body with paused only keeps the expression. Audited with the old and new value.")
    @ApiResponse(responseCode = "200", description = "stored")
    @ApiResponse(responseCode = "400", description = "refused, nothing stored; field names what is wrong")
    RunSchedule.View setSchedule(@RequestBody ScheduleForm form, Principal user) {
        schedule.save(form, user.getName());
        return schedule.view();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Asks a manager process to start a run for runDate",
            description = "runDate must be today or earlier (Europe/Amsterdam). The request waits until a manager"
                    + " takes it; GET /api/runs/requests tells its outcome.")
    @ApiResponse(responseCode = "202", description = "stored; a manager carries it out")
    @ApiResponse(responseCode = "400", description = "no or a future runDate")
    RunRequests.Request start(@RequestBody StartRequest body, Principal user) {
        return requests.start(body == null ? null : body.runDate(), user.getName());
    }

    @PostMapping("/{runId}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Asks to stop a running run")
    @ApiResponse(responseCode = "409", description = "the run is not running")
    RunRequests.Request stop(@PathVariable long runId, Principal user) {
        return requests.act(runId, RunRequests.Action.STOP, user.getName());
    }

    @PostMapping("/{runId}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Asks to restart a failed or stopped run")
    @ApiResponse(responseCode = "409", description = "the run did not fail and was not stopped")
    RunRequests.Request restart(@PathVariable long runId, Principal user) {
        return requests.act(runId, RunRequests.Action.RESTART, user.getName());
    }

    @PostMapping("/{runId}/recover")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Asks to recover a run whose manager process died",
            description = "Only for a run marked running whose process ended or gave no heartbeat for"
                    + " beslisstraat.batch.dead-after (default 15 s); a manager marks it failed and restarts it"
                    + " where its last committed chunk ended.")
    @ApiResponse(responseCode = "409", description = "the run is not running, or its process is alive")
    RunRequests.Request recover(@PathVariable long runId, Principal user) {
        return requests.act(runId, RunRequests.Action.RECOVER, user.getName());
    }

    @GetMapping("/requests")
    @Operation(
            summary = "The latest 50 requests with their outcome, and whether a manager process is alive",
            description = "outcome is a code: STARTED, ALREADY_COMPLETED, ALREADY_RUNNING, STOPPING, NOT_RUNNING,"
                    + " RESTARTED, NOT_RESTARTABLE, RECOVERED, STILL_ALIVE, UNKNOWN_RUN or ERROR; null while pending.")
    Map<String, Object> requests() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("managerAlive", requests.managerAlive());
        body.put("requests", requests.recent(50));
        return body;
    }

    @GetMapping
    @Operation(
            summary = "The municipality's runs, newest first (at most 200)",
            description = "Its own runs and the runs of all municipalities; counts are the municipality's own.")
    List<RunHistory.Run> runs(
            @Parameter(description = "STARTED, COMPLETED, FAILED, STOPPED") @RequestParam(required = false)
                    String status,
            @Parameter(description = "first run date")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "last run date")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to) {
        return history.list(RunHistory.Filter.of(status, from, to));
    }

    @GetMapping("/{runId}")
    @Operation(
            summary = "One run with its progress",
            description = "Counts per case type and outcome, pace, expected end, partitions with their worker"
                    + " process. 404 for a run of another municipality.")
    RunProgress.Snapshot run(@PathVariable long runId) {
        return progress.of(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @ExceptionHandler(RunRefused.class)
    ResponseEntity<Map<String, Object>> refused(RunRefused refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refused.getMessage());
        body.put("field", refused.field());
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
