package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The body limit is the configured one, and it holds whether or not the client says the length. */
class ApplicationSizeLimitTests {

    private final ApplicationSizeLimit.Filter filter = new ApplicationSizeLimit.Filter(
            DataSize.ofKilobytes(1), JsonMapper.builder().build());

    @Test
    void passesABodyWithinTheLimitOnWhole() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post(new byte[1024], true), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(1024);
    }

    @Test
    void refusesABodyOverTheLimitByItsDeclaredLength() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post(new byte[1025], true), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"status\":413")
                .contains("larger than 1 KB")
                .contains("nothing was stored");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitByWhatArrives() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post(new byte[1025], false), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
    }

    private static MockHttpServletRequest post(byte[] body, boolean withLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases") {
            @Override
            public long getContentLengthLong() {
                return withLength ? super.getContentLengthLong() : -1;
            }

            @Override
            public int getContentLength() {
                return withLength ? super.getContentLength() : -1;
            }
        };
        request.setContent(body);
        request.setContentType("application/json");
        return request;
    }
}
