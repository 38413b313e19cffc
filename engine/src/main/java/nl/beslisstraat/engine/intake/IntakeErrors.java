package nl.beslisstraat.engine.intake;

import nl.beslisstraat.engine.decision.RecomputationRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a contract violation into an RFC 9457 problem with one entry per field. */
@RestControllerAdvice(assignableTypes = CaseController.class)
class IntakeErrors {

    @ExceptionHandler(InvalidApplication.class)
    ProblemDetail invalid(InvalidApplication invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The application breaks the intake contract; nothing was stored.");
        problem.setTitle("Invalid application");
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    /**
     * Sent while the engine stops, or when the application could not be stored in time: nothing
     * was stored, so the client may send it again, later or elsewhere.
     */
    @ExceptionHandler(ImmediateDecisions.NothingStored.class)
    ResponseEntity<ProblemDetail> nothingStored(ImmediateDecisions.NothingStored nothingStored) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, nothingStored.getMessage());
        problem.setTitle(nothingStored.title());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /** Whether the application is stored is not known: said so, never as "not stored". */
    @ExceptionHandler(ImmediateDecisions.OutcomeUnknown.class)
    ProblemDetail outcomeUnknown(ImmediateDecisions.OutcomeUnknown unknown) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, unknown.getMessage());
        problem.setTitle("Outcome unknown");
        return problem;
    }

    /** A key sent again with another application: said as a conflict with the case it named. */
    @ExceptionHandler(IdempotencyKey.Reused.class)
    ProblemDetail reused(IdempotencyKey.Reused reused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, reused.getMessage());
        problem.setTitle("Idempotency-Key reused");
        problem.setProperty(
                "errors",
                java.util.List.of(new FieldError(IdempotencyKey.HEADER, "was sent before with another application")));
        return problem;
    }

    /** The content a decision was taken with cannot be had: said as such, never as a difference. */
    @ExceptionHandler(RecomputationRefused.class)
    ProblemDetail recomputationRefused(RecomputationRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Recomputation refused");
        problem.setProperty("decisionId", refused.decisionId());
        problem.setProperty("version", refused.version());
        problem.setProperty("contentHash", refused.contentHash());
        return problem;
    }
}
