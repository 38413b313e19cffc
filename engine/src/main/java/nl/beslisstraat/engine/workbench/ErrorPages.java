package nl.beslisstraat.engine.workbench;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.beslisstraat.engine.security.OwnPage;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Errors in the product's own pages ({@code templates/error.html}): the usual header, the reader's
 * language, a title that says what went wrong in people's words and a way back; never the
 * framework's white page, never a stack trace. The REST API, its description and the actuator
 * answer errors in JSON whatever the client accepts: they are read by programs.
 */
@Component
class ErrorPages implements ErrorViewResolver, Ordered {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String path = String.valueOf(model.get("path"));
        if (path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator/")) {
            ModelAndView json = new ModelAndView(new JacksonJsonView(), model);
            json.setStatus(status);
            return json;
        }
        Map<String, Object> page = new LinkedHashMap<>(model);
        page.put("problem", problem(status));
        page.put("back", pageBefore(request, path));
        return new ModelAndView("error", page, status);
    }

    /**
     * The page of this site the person came from (the browser's {@code Referer}), as a path, for
     * "back to the previous page"; null when it is another site's, the sign-in page or this very
     * address.
     */
    static String pageBefore(HttpServletRequest request, String path) {
        return OwnPage.of(request.getHeader("Referer"), request)
                .filter(before -> !before.split("\\?", 2)[0].equals(path))
                .orElse(null);
    }

    /** The kind of error, for the page's title and text ({@code error.<kind>.title} in the bundles). */
    static String problem(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "notFound";
            case FORBIDDEN, UNAUTHORIZED -> "forbidden";
            case METHOD_NOT_ALLOWED -> "methodNotAllowed";
            case BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE -> "badRequest";
            default -> status.is5xxServerError() ? "serverError" : "other";
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Spring Boot's resolver of error/<status> templates
    }
}
