package nl.beslisstraat.engine.authoring;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the authoring API answers a refused upload or a refused step in a version's life. */
@RestControllerAdvice(assignableTypes = {RuleSetApi.class, NormCandidateApi.class})
class AuthoringProblems {

    @ExceptionHandler(InvalidUpload.class)
    ProblemDetail invalid(InvalidUpload invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The upload was not accepted; nothing was stored and the rules and norms in force are unchanged.");
        problem.setTitle("Invalid upload");
        problem.setProperty("errors", invalid.problems());
        return problem;
    }

    /**
     * 429: the officer already runs a simulation or an upload. Another officer's work is not
     * affected; this officer may try again once the running job ends or is cancelled.
     */
    @ExceptionHandler(OfficerJobs.OfficerBusy.class)
    ResponseEntity<ProblemDetail> busy(OfficerJobs.OfficerBusy busy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, busy.getMessage());
        problem.setTitle("One job per officer at a time");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(ApprovalRefused.class)
    ProblemDetail refused(ApprovalRefused refused) {
        return ProblemDetail.forStatusAndDetail(
                refused instanceof ApprovalRefused.NotFound ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                refused.getMessage());
    }
}
