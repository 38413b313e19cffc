package nl.beslisstraat.engine.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an application body larger than {@code beslisstraat.intake.max-body-size} with 413 before
 * anything reads it as JSON. The limit is counted on the bytes as they arrive, so a chunked body
 * without a Content-Length is held to it too; at most the limit is ever buffered. Only the intake
 * endpoints are limited: officers' uploads of tables and models have bounds of their own.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSizeLimit {

    static final List<String> INTAKE_PATHS = List.of("/api/cases", "/api/cases/decide-now");

    @Bean
    FilterRegistrationBean<Filter> applicationSizeLimitFilter(
            @Value("${beslisstraat.intake.max-body-size:16KB}") DataSize maxBodySize, JsonMapper json) {
        // registered after Spring Security's chain: a client that is not signed in is turned away
        // before a byte of its body is read
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(maxBodySize, json));
        registration.setUrlPatterns(INTAKE_PATHS);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final long limit;
        private final DataSize size;
        private final JsonMapper json;

        Filter(DataSize size, JsonMapper json) {
            this.size = size;
            this.limit = size.toBytes();
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long announced = request.getContentLengthLong();
            if (announced > limit) {
                refuse(request, response);
                return;
            }
            // An announced length is read into an array of just that size: the server hands out no
            // byte beyond it, and a body cut short goes on as it came, for the reader to refuse.
            byte[] body = announced >= 0
                    ? request.getInputStream().readNBytes((int) announced)
                    : readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
        }

        /** A body of unannounced length (chunked), or null when it has more than {@code limit} bytes. */
        private static byte[] readAtMost(InputStream in, long limit) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(limit, 8192));
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    return null;
                }
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String detail = "The application is larger than " + size.toKilobytes()
                    + " KB, more than any application of any case type needs; nothing was stored.";
            Map<String, Object> problem = new java.util.LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Application too large");
            problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
            problem.put("detail", detail);
            problem.put("instance", request.getRequestURI());
            problem.put(
                    "errors",
                    List.of(new FieldError("(body)", "is larger than the limit of " + size.toKilobytes() + " KB")));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // the rest of the body is not read: the connection is closed rather than kept for another request
            response.setHeader("Connection", "close");
            byte[] content = json.writeValueAsBytes(problem);
            // a length, so the client knows where the answer ends although the connection closes under it
            response.setContentLength(content.length);
            response.getOutputStream().write(content);
            response.flushBuffer();
        }
    }

    /** The request with its body read once, within the limit, for whatever reads it next. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
