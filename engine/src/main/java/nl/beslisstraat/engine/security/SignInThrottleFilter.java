package nl.beslisstraat.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt while its account or source address is locked or has to wait, before
 * the password is looked at: the right password is refused too (that is what a lock is for), and
 * a refused attempt costs no password hash. The refused attempt counts as a failure, so hammering
 * through a delay only makes it longer; while the address is held it counts against the address
 * alone, so one address cannot go on to lock account after account. HTTP Basic is answered 429 with {@code Retry-After}; the
 * sign-in form is sent back to {@code /login?locked}.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    /** Where the chain takes its credentials from. */
    enum Credentials {
        BASIC,
        FORM
    }

    private final SignInThrottle throttle;
    private final Credentials credentials;

    SignInThrottleFilter(SignInThrottle throttle, Credentials credentials) {
        this.throttle = throttle;
        this.credentials = credentials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = credentials == Credentials.BASIC ? basicUsername(request) : formUsername(request);
        if (username.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<SignInThrottle.Refusal> refusal = throttle.refusal(username.get(), address);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        throttle.failed(refusal.get().byAddress() ? null : username.get(), address);
        long seconds = Math.max(
                1, Duration.between(Instant.now(), refusal.get().until()).toSeconds() + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (credentials == Credentials.BASIC) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType("application/json");
            response.getOutputStream()
                    .write(("{\"error\": \"Te veel mislukte aanmeldpogingen; probeer het over " + seconds
                                    + " seconden opnieuw.\"}")
                            .getBytes(StandardCharsets.UTF_8));
        } else {
            response.sendRedirect(request.getContextPath() + "/login?locked");
        }
    }

    private static Optional<String> basicUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty(); // the Basic filter refuses it as it would anyway
        }
    }

    private static Optional<String> formUsername(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
            return Optional.empty();
        }
        return Optional.ofNullable(request.getParameter("username")).filter(name -> !name.isBlank());
    }
}
