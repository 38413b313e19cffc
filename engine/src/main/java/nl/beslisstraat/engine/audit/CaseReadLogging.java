package nl.beslisstraat.engine.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every page and API call that shows one case writes who read it into the audit trail, once the
 * case was actually shown (a 404 for a case of another municipality or a refused request leaves no
 * entry). An interceptor rather than a line in each controller, so that a new way to read a case
 * only has to be added to {@link #CASE_READS}.
 */
@Configuration(proxyBeanMethods = false)
class CaseReadLogging implements WebMvcConfigurer {

    /** The URLs that show a case, each with its case id as a path variable. */
    static final List<String> CASE_READS = List.of(
            "/api/cases/{id}",
            "/api/cases/{id}/recomputation",
            "/review/cases/{caseId}",
            "/rules/cases/{id}",
            "/audit/cases/{caseId}",
            "/api/audit/cases/{caseId}");

    private final CaseReads reads;

    CaseReadLogging(CaseReads reads) {
        this.reads = reads;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void afterCompletion(
                            HttpServletRequest request,
                            HttpServletResponse response,
                            Object handler,
                            Exception failed) {
                        if (failed != null
                                || !"GET".equals(request.getMethod())
                                || response.getStatus() != 200
                                || request.getUserPrincipal() == null) {
                            return;
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, String> variables = (Map<String, String>)
                                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                        if (variables == null) {
                            return;
                        }
                        String id = variables.getOrDefault("caseId", variables.get("id"));
                        if (id != null && id.matches("[0-9]{1,18}")) {
                            reads.record(
                                    request.getUserPrincipal().getName(), Long.parseLong(id), request.getRequestURI());
                        }
                    }
                })
                .addPathPatterns(CASE_READS);
    }
}
