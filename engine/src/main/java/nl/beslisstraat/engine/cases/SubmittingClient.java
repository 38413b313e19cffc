package nl.beslisstraat.engine.cases;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The account that sends the application being stored: the signed-in principal of the request.
 * Read here, where the case is written, rather than passed down by every caller, so no way into
 * {@link CaseStore#enqueue} can forget it. Work without a signed-in account (the demo, a bulk load,
 * the nightly run) records none.
 */
public final class SubmittingClient {

    private SubmittingClient() {}

    public static Optional<String> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The account of an authentication taken on a request's thread, to store what it sent on another. */
    public static Optional<String> of(Authentication signedIn) {
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(signedIn.getName());
    }
}
