package nl.beslisstraat.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The pages' last rule, for a path no other rule names. A path that a controller answers is still
 * refused (a new page stays closed until somebody decides who may use it); a path that nothing
 * answers is let through for a signed-in person, so that they get "page not found" (404) rather
 * than "no access" (403) for a mistyped address. Someone not signed in signs in first.
 */
final class UnknownPages implements AuthorizationManager<RequestAuthorizationContext> {

    private final BeanFactory beans;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    UnknownPages(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(
                trust.isAuthenticated(authentication.get()) && !answered(context.getRequest()));
    }

    /** Whether one of the application's controllers has a mapping for this path (any method). */
    private boolean answered(HttpServletRequest request) {
        RequestMappingHandlerMapping controllers =
                beans.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        RequestPath before = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception wrongMethodOrMediaType) {
            return true; // the path is a controller's, asked the wrong way
        } finally {
            if (before == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(before, request);
            }
        }
    }
}
