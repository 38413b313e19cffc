package nl.beslisstraat.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/**
 * An address a browser sent (its {@code Referer}, htmx's current URL) as a page of this
 * application: its path and query below the context, for a link back or a redirect after signing
 * in. Anything else, another site's address among them, is no page: a path that starts with two
 * slashes would lead a browser to another site, so it is none either.
 */
public final class OwnPage {

    private OwnPage() {}

    /** The page, or empty when the address is not one of this application's pages or is the sign-in page. */
    public static Optional<String> of(String address, HttpServletRequest request) {
        if (address == null) {
            return Optional.empty();
        }
        URI page;
        try {
            page = URI.create(address);
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
        String context = request.getContextPath();
        String rawPath = page.getRawPath();
        int port = page.getPort() != -1 ? page.getPort() : "https".equalsIgnoreCase(page.getScheme()) ? 443 : 80;
        boolean here = page.getHost() != null
                && request.getServerName().equalsIgnoreCase(page.getHost())
                && request.getServerPort() == port
                && rawPath != null
                && rawPath.startsWith(context + "/");
        if (!here) {
            return Optional.empty();
        }
        String path = rawPath.substring(context.length());
        // a raw backslash, which a browser reads as a slash, is no URI: parsing refused it above
        if (path.startsWith("//") || path.equals(SignInAgain.SIGN_IN)) {
            return Optional.empty();
        }
        return Optional.of(page.getRawQuery() == null ? path : path + "?" + page.getRawQuery());
    }
}
