package nl.beslisstraat.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds an account whose password its holder has not chosen (one the platform administrator gave a
 * person's account) to choosing one: a page request goes to {@link #PAGE}, an API request is refused
 * with 403 saying so. The account signs in with the given password once, for that alone; so the
 * administrator who gave it cannot go on acting as the person. {@link UserAccounts} marks such an
 * account with the authority {@link #TO_CHOOSE} when it loads it.
 */
final class ChosenPassword extends OncePerRequestFilter {

    static final String TO_CHOOSE = "PASSWORD_TO_CHOOSE";
    static final String PAGE = "/account/password";

    /** What a page asks for besides the page itself: its styles and scripts, signing out, an error. */
    private static final List<String> ALSO_ALLOWED =
            List.of("/logout", "/login", "/css/", "/js/", "/webjars/", "/favicon.ico", "/error");

    enum Answer {
        PAGES,
        API
    }

    private final Answer answer;

    ChosenPassword(Answer answer) {
        this.answer = answer;
    }

    static boolean toChoose(Authentication user) {
        return user != null && toChoose(user.getAuthorities());
    }

    static boolean toChoose(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().anyMatch(authority -> TO_CHOOSE.equals(authority.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!toChoose(SecurityContextHolder.getContext().getAuthentication())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (answer == Answer.PAGES) {
            if (path.equals(PAGE) || ALSO_ALLOWED.stream().anyMatch(path::startsWith)) {
                chain.doFilter(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"status\":403,\"title\":\"Password to choose\",\"detail\":\"This account still has the"
                        + " password it was given. Sign in at /login and choose your own at " + PAGE
                        + "; until then it can do nothing else.\"}");
    }
}
