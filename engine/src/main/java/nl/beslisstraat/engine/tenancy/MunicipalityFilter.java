package nl.beslisstraat.engine.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides which municipality a request works for, and gives the request the roles the signed-in
 * account has there and no others. Runs in the security filter chains after authentication and
 * before authorization, so every path rule of {@code SecurityConfiguration} is checked against the
 * roles of that municipality: a reviewer of Utrecht who is an auditor in Zwolle is a reviewer only
 * while working for Utrecht. The account's own authorities (from signing in) hold no
 * municipality's role, so a request that never passed here may do nothing of a municipality's.
 *
 * <p>The municipality is the one the account chose, if it still works for it, else the first one
 * it was given; the platform administrator works for none. Pages choose with the switch in the
 * header (kept in the session, {@link MunicipalitySwitch}); REST clients with the header {@value
 * #HEADER}, which is refused (403) for a municipality the account does not work for. Memberships are
 * read on every request ({@link Memberships}), never taken from the session; a caller {@link
 * BoundToMunicipality} (an e-service's API key, verified against its membership) brings its
 * municipality and roles with it.
 *
 * <p>Deliberately not a bean: Boot would also register a bean filter before security, where
 * nobody is signed in yet.
 */
public class MunicipalityFilter extends OncePerRequestFilter {

    /** The request header with which a REST client picks one of its municipalities. */
    public static final String HEADER = "X-Municipality";

    /** The session attribute that keeps the municipality chosen with the switch. */
    static final String CHOSEN = MunicipalityFilter.class.getName() + ".chosen";

    /** The request attribute the pages' header reads: {@link WorkingFor}. */
    public static final String WORKING_FOR = "workingFor";

    /** Where a request's choice of municipality comes from. */
    public enum Choice {
        /** The {@value #HEADER} header: the REST API, which keeps no session. */
        HEADER,
        /** The switch on the pages, kept in the session. */
        SESSION
    }

    /**
     * The municipality a page works for and the ones its account may switch to, for the header.
     *
     * @param current the municipality of this request, or null for the platform administrator
     */
    public record WorkingFor(Memberships.Membership current, List<Memberships.Membership> memberships) {

        public boolean canSwitch() {
            return memberships.size() > 1;
        }
    }

    private final Memberships memberships;
    private final Choice choice;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public MunicipalityFilter(Memberships memberships, Choice choice) {
        this.memberships = memberships;
        this.choice = choice;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext signedIn = contexts.getContext();
        Authentication user = signedIn.getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            try (Municipality.Scope ignored = Municipality.enter(null)) {
                chain.doFilter(request, response);
            }
            return;
        }
        if (user instanceof BoundToMunicipality bound) {
            boundTo(bound.membership(), request, response, chain);
            return;
        }
        Memberships.Access access;
        try {
            access = memberships.of(user.getName());
        } catch (RuntimeException lookupFailed) {
            if (request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
                throw lookupFailed;
            }
            // the error page of a fault in the database itself: shown without the role's links
            chain.doFilter(request, response);
            return;
        }
        Optional<Memberships.Membership> working = workingFor(request, access);
        request.setAttribute(WORKING_FOR, new WorkingFor(working.orElse(null), access.memberships()));

        // A context of this request's own: the one from the session is shared by the session's
        // requests and must keep the account's authorities, not this municipality's.
        SecurityContext scoped = contexts.createEmptyContext();
        scoped.setAuthentication(withRoles(user, access, working));
        contexts.setContext(scoped);
        try (Municipality.Scope ignored =
                Municipality.enter(working.map(Memberships.Membership::code).orElse(null))) {
            chain.doFilter(request, response);
        } finally {
            contexts.setContext(signedIn);
        }
    }

    /**
     * A caller bound to one municipality (an API key) works for that one with the roles it carries:
     * no lookup per request. Naming another municipality in {@value #HEADER} is refused, as for an
     * account that does not work there.
     */
    private void boundTo(
            Memberships.Membership membership,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        String asked = choice == Choice.HEADER ? request.getHeader(HEADER) : null;
        if (asked != null && !asked.isBlank() && !asked.trim().equals(membership.code())) {
            throw new AccessDeniedException(HEADER + ": u werkt niet voor deze gemeente");
        }
        request.setAttribute(WORKING_FOR, new WorkingFor(membership, List.of(membership)));
        try (Municipality.Scope ignored = Municipality.enter(membership.code())) {
            chain.doFilter(request, response);
        }
    }

    /**
     * The pages' error page (404, 403, 500) is a dispatch of its own: it gets the roles of the
     * municipality too, so its header shows the person's usual navigation. The API answers errors in
     * JSON, without a header to fill.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return choice != Choice.SESSION;
    }

    private Optional<Memberships.Membership> workingFor(HttpServletRequest request, Memberships.Access access) {
        if (choice == Choice.HEADER) {
            String asked = request.getHeader(HEADER);
            if (asked == null || asked.isBlank()) {
                return access.byDefault();
            }
            return Optional.of(access.in(asked.trim())
                    .orElseThrow(() -> new AccessDeniedException(HEADER + ": u werkt niet voor deze gemeente")));
        }
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(CHOSEN);
        if (chosen instanceof String code) {
            Optional<Memberships.Membership> membership = access.in(code);
            if (membership.isPresent()) {
                return membership;
            }
            // no longer a member (taken away since): back to the default, the choice forgotten
            session.removeAttribute(CHOSEN);
        }
        return access.byDefault();
    }

    private static Authentication withRoles(
            Authentication user, Memberships.Access access, Optional<Memberships.Membership> working) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        access.platformRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        working.ifPresent(membership ->
                membership.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role))));
        UsernamePasswordAuthenticationToken scoped =
                UsernamePasswordAuthenticationToken.authenticated(user.getPrincipal(), null, authorities);
        scoped.setDetails(user.getDetails());
        return scoped;
    }
}
