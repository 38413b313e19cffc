package nl.beslisstraat.engine.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request works for the municipality of the signed-in user or e-service client
 * ({@code users.municipality}); an anonymous request for none. Runs in the security filter chains
 * after authentication, so it is deliberately not a bean (Boot would also register a bean filter
 * before security, where nobody is signed in yet).
 */
public class MunicipalityFilter extends OncePerRequestFilter {

    private final JdbcTemplate jdbc;

    public MunicipalityFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String code = municipalityOf(SecurityContextHolder.getContext().getAuthentication());
        try (Municipality.Scope ignored = Municipality.enter(code)) {
            chain.doFilter(request, response);
        }
    }

    private String municipalityOf(Authentication user) {
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return null;
        }
        List<String> found =
                jdbc.queryForList("select municipality from users where username = ?", String.class, user.getName());
        return found.isEmpty() ? null : found.get(0);
    }
}
