package nl.beslisstraat.engine.workbench;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error path is where the server forwards a request that failed, not a page of its own. Asked
 * for directly it would report an error that never happened, as a 500; it answers 404 instead, as
 * any address nothing answers does (the error pages of {@link ErrorPages}, or JSON for a program).
 * The filter sees only requests as they arrive, never the server's own forwards to the error path.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPathOnlyForErrors {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorPathAskedForDirectly(
            @Value("${server.error.path:/error}") String errorPath) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new NotFound());
        registration.setUrlPatterns(List.of(errorPath, errorPath + "/*"));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static final class NotFound extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
