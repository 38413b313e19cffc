package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers every response carries: the Content-Security-Policy on pages and API; and, for a
 * request that came over TLS (here: through a proxy on loopback that says so in
 * {@code X-Forwarded-Proto}), HSTS and a session cookie marked Secure, which plain HTTP does not get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersIntegrationTests extends DatabaseIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void pagesAndApiCarryTheirContentSecurityPolicy() {
        HttpResponse<String> page = get("/login", false);
        HttpResponse<String> api = get("/api/cases/1", false);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.PAGES_POLICY);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(get("/swagger-ui/index.html", false).headers().allValues("Content-Security-Policy"))
                .as("Swagger UI: inline style, nothing more")
                .containsExactly(SecurityConfiguration.API_DESCRIPTION_POLICY);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.API_POLICY);
    }

    @Test
    void overTlsTheSessionCookieIsSecureAndHstsIsSent() {
        HttpResponse<String> secure = get("/login", true);

        assertThat(secure.headers().firstValue("Strict-Transport-Security").orElseThrow())
                .contains("max-age=31536000", "includeSubDomains");
        assertThat(secure.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
    }

    @Test
    void overPlainHttpNeitherIsClaimed() {
        HttpResponse<String> plain = get("/login", false);

        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));
    }

    private HttpResponse<String> get(String path, boolean overTls) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (overTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
