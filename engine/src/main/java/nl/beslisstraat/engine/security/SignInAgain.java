package nl.beslisstraat.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * <p>htmx's requests (the queue's filters) get {@code HX-Redirect} to the sign-in page, so the
 * whole page goes there instead of the sign-in form being put into the queue's table.
 */
final class SignInAgain implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String SIGN_IN = "/login";

    private final AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
    private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException, jakarta.servlet.ServletException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + SIGN_IN);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
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
        if (path.equals("/logout")) { // signing out of an ended session: done already
            response.sendRedirect(request.getContextPath() + SIGN_IN + "?logout");
            return;
        }
        if (!path.equals(SIGN_IN)) { // a sign-in form from an ended session: just the form again, no password kept
            KeptForm.keep(request);
        }
        response.sendRedirect(request.getContextPath() + SIGN_IN + "?expired");
    }
}
