package nl.beslisstraat.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose parameters Tomcat cannot decode ({@code ?x=%zz}, half a surrogate pair as
 * {@code %ud800}) is answered 400 here, before anything else reads them. Otherwise the first
 * filter or page that asks for a parameter throws, the error page asks again and throws too, and
 * every such request writes three errors with stack traces to the log: noise anyone can make, in
 * which a real fault would drown.
 */
@Component
// right after Spring Boot's character encoding filter (the highest precedence), so that a form's
// body is read as UTF-8, and before everything else
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableParameters extends OncePerRequestFilter {

    private static final String SAID_NL =
            "Ongeldig verzoek: een parameter is niet leesbaar (geen geldige UTF-8-codering).";
    private static final String SAID_EN = "Bad request: a parameter cannot be read (no valid UTF-8 encoding).";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasParameters(request)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException unreadable) {
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Parameters in the address, or a form's body, which Spring and the pages read anyway. */
    private static boolean hasParameters(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getQueryString() != null
                || (type != null
                        && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"" + SAID_NL
                            + "\"}");
        } else {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write(SAID_NL + "\n" + SAID_EN + "\n");
        }
    }
}
