package nl.beslisstraat.engine.authoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A form about a draft that is not there, or is another municipality's (which row-level security
 * hides), answers with the page for "not found", as opening that draft does, on every form of the
 * policy officer's pages rather than only those that expect it.
 */
@ControllerAdvice(assignableTypes = {RuleSetPages.class, NormPages.class})
class AuthoringPageProblems {

    @ExceptionHandler(ApprovalRefused.NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
