package nl.beslisstraat.engine.workbench;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;
import nl.beslisstraat.rules.Outcome;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewers' workbench over REST, for integrations: the same operations as the pages, with the
 * same roles (see SecurityConfiguration). Documented in the OpenAPI description at
 * {@code /v3/api-docs}.
 */
@RestController
class ReviewApi {

    private final ReviewQueue queue;
    private final ReviewWork work;
    private final Dashboard dashboard;

    ReviewApi(ReviewQueue queue, ReviewWork work, Dashboard dashboard) {
        this.queue = queue;
        this.work = work;
        this.dashboard = dashboard;
    }

    /** The open tasks, most urgent first; filter by case type, reason code, deadline on or before. */
    @GetMapping("/api/review/tasks")
    QueuePage tasks(
            @RequestParam(required = false) String caseType,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy,
            @RequestParam(required = false) Long run,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queue.page(QueueFilter.of(caseType, reason, dueBy, run), page, size);
    }

    @PostMapping("/api/review/tasks/{taskId}/claim")
    ResponseEntity<Void> claim(@PathVariable long taskId, Principal reviewer) {
        work.claim(taskId, reviewer.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/review/tasks/{taskId}/release")
    ResponseEntity<Void> release(@PathVariable long taskId, Principal reviewer) {
        work.release(taskId, reviewer.getName());
        return ResponseEntity.noContent().build();
    }

    /**
     * A reviewer's decision; {@code amounts} (such as {@code {"remitted": "110.00"}}) what a grant
     * sets, required for a partial grant.
     */
    record DecisionRequest(Outcome outcome, String motivation, Map<String, BigDecimal> amounts) {}

    @PostMapping("/api/review/tasks/{taskId}/decision")
    ResponseEntity<Void> decide(@PathVariable long taskId, @RequestBody DecisionRequest decision, Principal reviewer) {
        work.decide(
                taskId,
                reviewer.getName(),
                decision.outcome(),
                decision.motivation(),
                decision.amounts() == null ? Map.of() : decision.amounts());
        return ResponseEntity.noContent().build();
    }

    /** An objection (bezwaar) against a decided case. */
    record ObjectionRequest(String reason) {}

    @PostMapping("/api/cases/{caseId}/objection")
    ResponseEntity<Map<String, Long>> object(
            @PathVariable long caseId, @RequestBody ObjectionRequest objection, Principal reviewer) {
        long taskId = work.object(caseId, reviewer.getName(), objection.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(Map.of("taskId", taskId));
    }

    @GetMapping("/api/dashboard")
    Dashboard.Figures dashboard() {
        return dashboard.figures();
    }

    @ExceptionHandler(ReviewRefused.class)
    ProblemDetail refused(ReviewRefused refused) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
        problem.setTitle("Review action refused");
        return problem;
    }
}
