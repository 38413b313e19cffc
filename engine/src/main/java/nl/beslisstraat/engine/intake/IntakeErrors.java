package nl.beslisstraat.engine.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
}
