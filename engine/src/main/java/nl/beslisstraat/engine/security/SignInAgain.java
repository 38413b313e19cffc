package nl.beslisstraat.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What the pages do with someone who is not (or no longer) signed in. A page asked for is
 * remembered and shown after signing in (Spring Security's saved request); a form posted after the
 * session ended is kept ({@link KeptForm}) and the person is asked to sign in again, rather than
 * shown a refusal that loses what they wrote. That post fails its CSRF check first (the token lived
 * in the ended session), so the check's refusal of someone not signed in is treated the same way;
 * a signed-in person's post without its token is still refused (403).
 *
 * <p>htmx's requests (the queue's filters, a run's progress) get {@code HX-Redirect} to the
 * sign-in page, GET and POST alike, so the whole page goes there instead of the sign-in form being
 * put into the part htmx replaces; signing in leads back to the page the person was on ({@link
 * #pageBefore}), never to the fragment htmx asked for.
 */
final class SignInAgain implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String SIGN_IN = "/login";

    /** The page an htmx request came from, where signing in again leads back to. */
    private static final String PAGE = SignInAgain.class.getName() + ".page";

    private final AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
    private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException, jakarta.servlet.ServletException {
        if (request.getHeader("HX-Request") != null) {
            signInWholePage(request, response);
            return;
        }
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            signIn.commence(request, response, reason);
            return;
        }
        keepAndSignIn(request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        if (denied instanceof CsrfException
                && !trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            keepAndSignIn(request, response);
            return;
        }
        refuse.handle(request, response, denied);
    }

    private static void keepAndSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getHeader("HX-Request") != null && !path.equals(SIGN_IN) && !path.equals("/logout")) {
            signInWholePage(request, response);
            return;
        }
        if (path.equals("/logout")) { // signing out of an ended session: done already
            response.sendRedirect(request.getContextPath() + SIGN_IN + "?logout");
            return;
        }
        if (!path.equals(SIGN_IN)) { // a sign-in form from an ended session: just the form again, no password kept
            KeptForm.keep(request);
        }
        response.sendRedirect(request.getContextPath() + SIGN_IN + "?expired");
    }

    /**
     * An htmx request of an ended session: the whole page goes to the sign-in page ({@code
     * HX-Redirect}, which htmx follows whatever the status), and the page it came from is remembered.
     * A GET to that page's own address (the queue with a new filter) is that page as the person asked
     * for it; anything else (a run's progress, a post) leads back to the page itself, where the
     * person sees the current state and may do it again.
     */
    private static void signInWholePage(HttpServletRequest request, HttpServletResponse response) {
        String context = request.getContextPath();
        String page = OwnPage.of(request.getHeader("HX-Current-URL"), request).orElse(null);
        if (page != null) {
            String asked = request.getRequestURI().substring(context.length());
            boolean samePage = request.getMethod().equals("GET") && page.split("\\?", 2)[0].equals(asked);
            String query = request.getQueryString();
            request.getSession(true).setAttribute(PAGE, samePage && query != null ? asked + "?" + query : page);
        }
        response.setHeader("HX-Redirect", context + SIGN_IN + "?ended");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /**
     * Where signing in leads after an htmx request of an ended session: the page it came from, once
     * (removed from the session).
     */
    static java.util.Optional<String> pageBefore(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PAGE) instanceof String page) {
            session.removeAttribute(PAGE);
            return java.util.Optional.of(page);
        }
        return java.util.Optional.empty();
    }
}
