package nl.beslisstraat.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.engine.intake.JsonFieldAt;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * A request to the API that Spring cannot even hand to a controller (a parameter of the wrong
 * type, a required one missing, a body that is no JSON or has a value of the wrong kind) is
 * answered as every refusal of ours is: 400 with the field named and what is wrong with it, in
 * Dutch, rather than a bare "Bad Request". A feature's own handlers come first.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRequestProblems {

    /** How much of a value that was sent is repeated in the answer. */
    private static final int SHOWN = 60;

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongType(MethodArgumentTypeMismatchException wrong) {
        String expected = wrong.getRequiredType() == null ? "een andere waarde" : kind(wrong.getRequiredType());
        return refused(
                wrong.getName(),
                wrong.getName() + ": '" + shown(String.valueOf(wrong.getValue())) + "' is geen " + expected + ".");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException missing) {
        return refused(missing.getParameterName(), missing.getParameterName() + ": verplicht.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String field = field(json.getPath());
                return refused(field, field + ": geen geldige waarde van dit soort.");
            }
            if (cause instanceof JacksonException json) {
                Optional<String> field = JsonFieldAt.of(json);
                if (field.isPresent()) {
                    return refused(
                            field.get(), field.get() + ": geen geldig JSON hier, of een naam die twee keer voorkomt.");
                }
            }
        }
        return refused("body", "Inhoud: geen geldig JSON-document, of leeg.");
    }

    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "geheel getal binnen het bereik";
        }
        if (type == java.time.LocalDate.class) {
            return "datum als 2026-07-01";
        }
        if (type.isEnum()) {
            return "van " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "geldige waarde";
    }

    private static String shown(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
    }

    private static ProblemDetail refused(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Invalid request");
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
