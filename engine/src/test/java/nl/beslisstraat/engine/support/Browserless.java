package nl.beslisstraat.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web pages over plain HTTP, as a browser would use them: a session cookie, the sign-in form
 * and the CSRF token every form carries. For the authorization matrix; the real browser tests use
 * Chromium.
 */
public final class Browserless {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client;
    private final int port;

    private Browserless(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static Browserless anonymous(int port) {
        return new Browserless(port);
    }

    public static Browserless signedIn(int port, String user) {
        Browserless browser = new Browserless(port);
        HttpResponse<String> response =
                browser.post("/login", "username=" + user + "&password=" + TestUsers.password(user));
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in as " + user + " failed: " + response.statusCode());
        }
        return browser;
    }

    /**
     * Signs in to an account the platform administrator made, with the password it was given, and
     * chooses the test password ({@link TestUsers#password}) as its holder must before anything else.
     */
    public static Browserless choosingPassword(int port, String user, String given) {
        Browserless browser = new Browserless(port);
        browser.post("/login", "username=" + user + "&password=" + given);
        HttpResponse<String> chosen = browser.post(
                "/account/password",
                "current=" + given + "&chosen=" + TestUsers.password(user) + "&repeated=" + TestUsers.password(user));
        if (chosen.statusCode() != 302) {
            throw new IllegalStateException("Choosing a password for " + user + " failed: " + chosen.statusCode());
        }
        return browser;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A form post with the session's CSRF token, taken from the sign-in page as a browser would. */
    public HttpResponse<String> post(String path, String form) {
        Matcher token = CSRF.matcher(get("/login").body());
        String body =
                token.find() ? form + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : form;
        return postWithoutToken(path, body);
    }

    public HttpResponse<String> postWithoutToken(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
