package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;

/**
 * An htmx request of an ended session: the whole page goes to sign in, and signing in leads back to
 * a page of this site only, never to an address another site put in the request's headers.
 */
class SignInAgainTests {

    private final SignInAgain signInAgain = new SignInAgain();

    @Test
    void aPartOfAPageLeadsBackToThePageItselfOnce() throws Exception {
        MockHttpServletRequest progress = htmx("GET", "/runs/7/progress", "http://localhost:8080/runs/7");
        MockHttpServletResponse response = new MockHttpServletResponse();

        signInAgain.commence(progress, response, new InsufficientAuthenticationException("ended"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login?ended");
        assertThat(SignInAgain.pageBefore(progress)).contains("/runs/7");
        assertThat(SignInAgain.pageBefore(progress)).isEmpty();
    }

    @Test
    void thePagesOwnAddressWithANewFilterIsThatPageAsAsked() throws Exception {
        MockHttpServletRequest filtered = htmx("GET", "/review", "http://localhost:8080/review?view=all");
        filtered.setQueryString("view=all&reason=WAITING_LIST");

        signInAgain.commence(filtered, new MockHttpServletResponse(), new InsufficientAuthenticationException("ended"));

        assertThat(SignInAgain.pageBefore(filtered)).contains("/review?view=all&reason=WAITING_LIST");
    }

    @Test
    void anotherSitesAddressIsNeverWhereSigningInLeads() throws Exception {
        for (String elsewhere : new String[] {
            "https://evil.example/review", "http://localhost:9999/review", "http://localhost:8080//evil.example/x",
            "http://localhost:8080/login", "not an address at all", "javascript:alert(1)"
        }) {
            MockHttpServletRequest request = htmx("GET", "/runs/7/progress", elsewhere);
            MockHttpServletResponse response = new MockHttpServletResponse();

            signInAgain.commence(request, response, new InsufficientAuthenticationException("ended"));

            assertThat(response.getHeader("HX-Redirect")).as(elsewhere).isEqualTo("/login?ended");
            assertThat(SignInAgain.pageBefore(request)).as(elsewhere).isEmpty();
        }
    }

    @Test
    void aPlainPageOfAnEndedSessionIsStillTheSignInPagesRedirect() throws Exception {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/review");
        page.setServerPort(8080);
        MockHttpServletResponse response = new MockHttpServletResponse();

        signInAgain.commence(page, response, new InsufficientAuthenticationException("ended"));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("HX-Redirect")).isNull();
    }

    private static MockHttpServletRequest htmx(String method, String path, String currentPage) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServerName("localhost");
        request.setServerPort(8080);
        request.addHeader("HX-Request", "true");
        request.addHeader("HX-Current-URL", currentPage);
        return request;
    }
}
