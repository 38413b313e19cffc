package nl.beslisstraat.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an e-service by its API key, sent as {@code Authorization: Bearer bsk_...} (the standard
 * header for a bearer credential, RFC 6750, which proxies and logging already treat as secret).
 * A key in force signs the request in as its account, working for the key's municipality with the
 * role INTAKE only; any other bearer text (unknown, revoked, malformed, of a disabled account) is
 * answered 401 with an empty body, the same for every reason. Requests without a bearer header
 * pass on to HTTP Basic untouched.
 *
 * <p>Not counted by {@link SignInThrottle}: a 256-bit secret cannot be guessed, and the throttle's
 * reads and writes per request are what a key is meant to save.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Verified> verified =
                keys.verify(header.substring(BEARER.length()).trim());
        if (verified.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        ApiKeys.Verified key = verified.get();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
                new ApiKeyAuthentication(key.username(), key.keyId(), key.municipality(), key.municipalityName()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
