package nl.beslisstraat.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds an account whose password its holder has not chosen (one the platform administrator gave a
 * person's account) to choosing one: a page request goes to {@link #PAGE}, an API request is refused
 * with 403 saying so. So the administrator's password opens the account once, for that alone.
 *
 * <p>A session is the password's it was signed in with: the pages read the account's password
 * state on every request ({@link UserAccounts#passwordState}), so a role given during a session is
 * held to the choice at once, and a session signed in before the holder last chose a password (the
 * administrator's, still open when the holder chose theirs) or of a disabled account ends. HTTP Basic signs in with every
 * request, and {@link UserAccounts} then marks such an account with the authority {@link #TO_CHOOSE}.
 */
final class ChosenPassword extends OncePerRequestFilter {

    static final String TO_CHOOSE = "PASSWORD_TO_CHOOSE";
    static final String PAGE = "/account/password";

    /** When the session's password was chosen ({@link UserAccounts.PasswordState#stamp}). */
    static final String STAMP = ChosenPassword.class.getName() + ".STAMP";

    /** What a page asks for besides the page itself: its styles and scripts, signing out, an error. */
    private static final List<String> ALSO_ALLOWED =
            List.of("/logout", "/login", "/css/", "/js/", "/webjars/", "/favicon.ico", "/error");

    enum Answer {
        PAGES,
        API
    }

    private final Answer answer;
    private final UserAccounts accounts;

    ChosenPassword(Answer answer, UserAccounts accounts) {
        this.answer = answer;
        this.accounts = accounts;
    }

    static boolean toChoose(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().anyMatch(authority -> TO_CHOOSE.equals(authority.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        if (answer == Answer.API) {
            if (toChoose(user.getAuthorities())) {
                refuse(response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ALSO_ALLOWED.stream().anyMatch(path::startsWith)) {
            // a page's styles and scripts, signing in or out, an error: no look-up of the account
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccounts.PasswordState> state = accounts.passwordState(user.getName());
        HttpSession session = request.getSession(false);
        Object stamp = session == null ? null : session.getAttribute(STAMP);
        if (state.isEmpty() || (stamp != null && !stamp.equals(state.get().stamp()))) {
            // disabled, or signed in with a password that is no longer the account's
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        if (session != null && stamp == null) {
            session.setAttribute(STAMP, state.get().stamp());
        }
        if (state.get().toChoose() && !path.equals(PAGE)) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"status\":403,\"title\":\"Password to choose\",\"detail\":\"This account still has the"
                        + " password it was given. Sign in at /login and choose your own at " + PAGE
                        + "; until then it can do nothing else.\"}");
    }
}
