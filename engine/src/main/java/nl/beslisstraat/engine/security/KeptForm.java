package nl.beslisstraat.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A page's form that was posted after the session had ended (30 minutes without activity, or
 * signed out in another tab): what was filled in is kept in the new session, the person signs in
 * again and is taken back to the page the form was on, where the page's own controller puts the
 * values back ({@link #take}). The action itself is never carried out from a kept form: the person
 * sees the form again and submits it signed in.
 *
 * <p>Only a form posted from one of this application's own pages is kept (its {@code Origin} or
 * {@code Referer} is this site): another site cannot plant text in a reviewer's form. Signing in
 * keeps the session's attributes (Spring Security changes the session id only), so the form
 * survives the sign-in and is this browser's alone.
 *
 * @param path the path the form was posted to, such as {@code /review/tasks/7/decision}
 * @param returnTo the path (and query) of the page the form was on, where signing in leads back to;
 *     null when the browser did not say
 * @param fields every field of the form but the CSRF token
 */
public record KeptForm(String path, String returnTo, Map<String, List<String>> fields) implements Serializable {

    private static final String ATTRIBUTE = KeptForm.class.getName();
    private static final List<String> NEVER_KEPT =
            List.of("_csrf", "password", "username", "current", "chosen", "repeated");

    /** The first value of a field, or null. */
    public String value(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Keeps the form of this post in the (new) session, when it came from one of this site's pages
     * and is a plain form (a file upload cannot be kept).
     */
    static void keep(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return;
        }
        String site = site(request);
        String origin = request.getHeader("Origin");
        String referer = request.getHeader("Referer");
        boolean ours = origin != null ? origin.equals(site) : referer != null && referer.startsWith(site + "/");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ours || path.equals(ChosenPassword.PAGE)) {
            return; // a form of passwords is never kept: it is typed again
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NEVER_KEPT.contains(name)) {
                fields.put(name, List.of(values));
            }
        });
        request.getSession(true)
                .setAttribute(
                        ATTRIBUTE,
                        new KeptForm(path, OwnPage.of(referer, request).orElse(null), fields));
    }

    /** Where signing in leads when a form was kept: back to its page. */
    static Optional<String> returnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof KeptForm kept
                ? Optional.ofNullable(kept.returnTo())
                : Optional.empty();
    }

    /**
     * The kept form of this session if it was posted to a path the caller can put back, removed from
     * the session: it is given back once.
     */
    public static Optional<KeptForm> take(HttpServletRequest request, Predicate<String> path) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof KeptForm kept && path.test(kept.path())) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.of(kept);
        }
        return Optional.empty();
    }

    private static String site(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean usual = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (usual ? "" : ":" + port);
    }
}
