package nl.beslisstraat.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a request works for and may do, given an account's memberships: the thread's municipality
 * (which every connection carries to row-level security) and the roles held there, never those of
 * another municipality; the signed-in context of the session is left as it was.
 */
class MunicipalityFilterTests {

    private static final Memberships.Membership UTRECHT_REVIEWER =
            new Memberships.Membership("0344", "Utrecht", List.of("REVIEWER"));
    private static final Memberships.Membership ZWOLLE_AUDITOR =
            new Memberships.Membership("0193", "Zwolle", List.of("AUDITOR"));

    private Optional<String> municipality;
    private List<String> roles;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlatformAdministratorWorksForNoMunicipalityWithItsOwnRoleOnly() throws Exception {
        run(new Memberships.Access(true, List.of("PLATFORM_ADMIN"), List.of()), new MockHttpServletRequest());

        assertThat(municipality).as("its connections carry no municipality").isEmpty();
        assertThat(roles).containsExactly("ROLE_PLATFORM_ADMIN");
    }

    @Test
    void aRequestHasTheRolesOfTheMunicipalityItWorksForOnly() throws Exception {
        Memberships.Access both = new Memberships.Access(true, List.of(), List.of(UTRECHT_REVIEWER, ZWOLLE_AUDITOR));

        run(both, new MockHttpServletRequest());
        assertThat(municipality).contains("0344");
        assertThat(roles).containsExactly("ROLE_REVIEWER");

        MockHttpServletRequest zwolle = new MockHttpServletRequest();
        zwolle.addHeader(MunicipalityFilter.HEADER, "0193");
        run(both, zwolle);
        assertThat(municipality).contains("0193");
        assertThat(roles).containsExactly("ROLE_AUDITOR");
    }

    @Test
    void aMunicipalityChosenInTheSessionIsTakenWhileTheAccountWorksThere() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.getSession().setAttribute(MunicipalityFilter.CHOSEN, "0193");

        runPages(new Memberships.Access(true, List.of(), List.of(UTRECHT_REVIEWER, ZWOLLE_AUDITOR)), request);
        assertThat(municipality).contains("0193");

        runPages(new Memberships.Access(true, List.of(), List.of(UTRECHT_REVIEWER)), request);
        assertThat(municipality).as("no longer Zwolle's").contains("0344");
        assertThat(roles).containsExactly("ROLE_REVIEWER");
        assertThat(request.getSession().getAttribute(MunicipalityFilter.CHOSEN)).isNull();
    }

    @Test
    void aMunicipalityTheAccountDoesNotWorkForIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(MunicipalityFilter.HEADER, "0193");

        assertThatThrownBy(() -> run(new Memberships.Access(true, List.of(), List.of(UTRECHT_REVIEWER)), request))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(municipality).isNull();
    }

    @Test
    void aDisabledAccountHasNoRolesAnywhere() throws Exception {
        run(Memberships.Access.NONE, new MockHttpServletRequest());

        assertThat(municipality).isEmpty();
        assertThat(roles).isEmpty();
    }

    @Test
    void theSessionsSignedInContextKeepsItsOwnAuthorities() throws Exception {
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated("someone", null, List.of());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);

        filter(new Memberships.Access(true, List.of(), List.of(UTRECHT_REVIEWER)), MunicipalityFilter.Choice.HEADER)
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {});

        assertThat(SecurityContextHolder.getContext()).isSameAs(context);
        assertThat(context.getAuthentication()).isSameAs(signedIn);
        assertThat(Municipality.current()).as("left after the request").isEmpty();
    }

    @Test
    void thePagesErrorPageHasTheRolesForItsHeaderAndIsShownWhenTheLookupFails() throws Exception {
        runPages(new Memberships.Access(true, List.of(), List.of(UTRECHT_REVIEWER)), errorPage());
        assertThat(municipality).contains("0344");
        assertThat(roles).containsExactly("ROLE_REVIEWER");

        // the fault behind the error may be the database itself: the page is shown all the same
        signIn();
        MunicipalityFilter broken = new MunicipalityFilter(
                new Memberships(null) {
                    @Override
                    public Memberships.Access of(String username) {
                        throw new IllegalStateException("no connection");
                    }
                },
                MunicipalityFilter.Choice.SESSION);
        capture(broken, errorPage());
        assertThat(roles).as("the error page shown, without the role's links").containsExactly("ROLE_POLICY_OFFICER");
    }

    private static MockHttpServletRequest errorPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
        request.setAttribute(org.springframework.web.util.WebUtils.ERROR_REQUEST_URI_ATTRIBUTE, "/review/7");
        return request;
    }

    private void run(Memberships.Access access, MockHttpServletRequest request) throws Exception {
        signIn();
        capture(filter(access, MunicipalityFilter.Choice.HEADER), request);
    }

    private void runPages(Memberships.Access access, MockHttpServletRequest request) throws Exception {
        signIn();
        capture(filter(access, MunicipalityFilter.Choice.SESSION), request);
    }

    private void capture(MunicipalityFilter filter, MockHttpServletRequest request) throws Exception {
        municipality = null;
        roles = null;
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            municipality = Municipality.current();
            roles = new ArrayList<>();
            for (GrantedAuthority authority :
                    SecurityContextHolder.getContext().getAuthentication().getAuthorities()) {
                roles.add(authority.getAuthority());
            }
        });
    }

    private static void signIn() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        // whatever the account had when it signed in: the request gets the roles of its municipality
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, List.of(new SimpleGrantedAuthority("ROLE_POLICY_OFFICER"))));
        SecurityContextHolder.setContext(context);
    }

    private static MunicipalityFilter filter(Memberships.Access access, MunicipalityFilter.Choice choice) {
        return new MunicipalityFilter(
                new Memberships(null) {
                    @Override
                    public Memberships.Access of(String username) {
                        return access;
                    }
                },
                choice);
    }
}
