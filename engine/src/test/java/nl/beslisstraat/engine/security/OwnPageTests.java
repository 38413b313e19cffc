package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Only a page of this application is one to lead back to; whatever else a browser sends is none. */
class OwnPageTests {

    @Test
    void aPageOfThisApplicationIsItsPathAndQuery() {
        assertThat(OwnPage.of("http://localhost:8080/review?view=all", request("http", 8080)))
                .contains("/review?view=all");
        assertThat(OwnPage.of("https://gemeente.example/runs/7", request("https", 443)))
                .as("behind the proxy, without a port")
                .contains("/runs/7");
    }

    @Test
    void anythingThatCouldLeadElsewhereIsNoPage() {
        for (String elsewhere : new String[] {
            "https://evil.example/review",
            "http://localhost:9999/review",
            "http://localhost:8080//evil.example/x",
            "http://localhost:8080/\\evil.example",
            "http://localhost:8080/login",
            "http://localhost:8080",
            "/review",
            "not an address at all",
            "javascript:alert(1)",
            "http://localhost:8080/a b",
            ""
        }) {
            assertThat(OwnPage.of(elsewhere, request("http", 8080)))
                    .as(elsewhere)
                    .isEmpty();
        }
        assertThat(OwnPage.of(null, request("http", 8080))).isEmpty();
    }

    private static MockHttpServletRequest request(String scheme, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setScheme(scheme);
        request.setServerName(scheme.equals("https") ? "gemeente.example" : "localhost");
        request.setServerPort(port);
        return request;
    }
}
