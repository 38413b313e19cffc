package nl.beslisstraat.engine.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Real HTTP against the application under test, with payloads from src/test/resources. */
public final class Http {

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String user;
    private final String password;
    private final String bearer;

    public Http(int port) {
        this(port, null, null, null);
    }

    private Http(int port, String user, String password, String bearer) {
        this.port = port;
        this.user = user;
        this.password = password;
        this.bearer = bearer;
    }

    /** The same client, signed in (HTTP Basic) as one of the {@link TestUsers}. */
    public Http as(String user) {
        return new Http(port, user, TestUsers.password(user), null);
    }

    /** The same client, signed in (HTTP Basic) with this password. */
    public Http basic(String user, String password) {
        return new Http(port, user, password, null);
    }

    /** The same client, signing every request with this API key ({@code Authorization: Bearer}). */
    public Http bearer(String key) {
        return new Http(port, null, null, key);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> put(String path, String contentType, String body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A post with request headers of its own, given as name, value, name, value, ... */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A post whose body is sent in chunks, without a Content-Length, as a stream is. */
    public HttpResponse<String> postChunked(
            String path, String contentType, java.util.function.Supplier<java.io.InputStream> body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .build());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public HttpResponse<String> post(String path, byte[] body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A multipart/form-data post, one part per entry, each sent as a file of that name. */
    public HttpResponse<String> postFiles(String path, java.util.Map<String, byte[]> files) {
        String boundary = "beslisstraat-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                authorized(HttpRequest.newBuilder(uri(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (user != null) {
            String credentials = user + ":" + password;
            request.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    public static String resource(String path) {
        try (InputStream in = Http.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        // no redirects followed: a 302 to the sign-in page is an answer the tests look at
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
