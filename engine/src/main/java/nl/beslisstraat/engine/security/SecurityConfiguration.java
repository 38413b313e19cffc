package nl.beslisstraat.engine.security;

import static nl.beslisstraat.engine.security.Role.AUDITOR;
import static nl.beslisstraat.engine.security.Role.INTAKE;
import static nl.beslisstraat.engine.security.Role.MONITORING;
import static nl.beslisstraat.engine.security.Role.PLATFORM_ADMIN;
import static nl.beslisstraat.engine.security.Role.POLICY_OFFICER;
import static nl.beslisstraat.engine.security.Role.REVIEWER;
import static nl.beslisstraat.engine.security.Role.SCHEDULER;

import java.util.Arrays;
import nl.beslisstraat.engine.tenancy.Memberships;
import nl.beslisstraat.engine.tenancy.MunicipalityFilter;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every endpoint and page with the roles that may use it. Two chains: the REST API (an e-service's
 * API key as a bearer credential, {@link ApiKeyFilter}, or HTTP Basic; no session, no CSRF because
 * no cookie authenticates it) and the web pages (sign-in form,
 * session, CSRF on every form). What is not listed is denied, so a new endpoint is closed until
 * somebody decides who may use it; a page address that nothing answers is "not found" for a
 * signed-in person ({@link UnknownPages}). A form posted after the session ended is kept over
 * signing in again ({@link SignInAgain}, {@link KeptForm}).
 *
 * <p>The roles checked are those of the municipality the request works for: {@link
 * MunicipalityFilter} runs after authentication and before these rules and gives the request the
 * account's roles there and no others. The platform administrator's role is held in no
 * municipality and is allowed the platform pages and API only; every path with a municipality's
 * cases, decisions, review tasks, rules or audit trail refuses it.
 *
 * <p>Both chains check {@link SignInThrottle} before the password ({@link SignInThrottleFilter}),
 * and send headers that keep the pages to their own scripts and out of other sites' frames: a
 * Content-Security-Policy without inline script, and HSTS on every request that came over TLS
 * (also when TLS ends at a proxy that says so in {@code X-Forwarded-Proto}; docs/operations.md).
 *
 * <p>The actuator is in the API's chain: Prometheus and load balancers are machines. Its health
 * status is for anyone, its whole registry for the platform administrator; a municipality's
 * monitoring account reads its own series at {@code /api/operations/metrics}
 * (docs/operations.md, "Watching from outside").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    /**
     * The pages load scripts, styles and images from this application only; no inline script or
     * style, no plugins, no framing, and forms post back here only.
     */
    static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * Swagger UI (a library's page, not ours) sets inline styles from its script; it gets those and
     * nothing else more than our pages: its scripts too must come from this application.
     */
    static final String API_DESCRIPTION_POLICY =
            PAGES_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /** JSON is never a document to run anything in. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final long ONE_YEAR = 31_536_000;

    private static final RequestMatcher API_DESCRIPTION =
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /**
     * Spring Security does not observe its filters, authentications and authorizations: with
     * observations on, every filter of every request is wrapped in observations of its own, even
     * when {@code management.observations.enable.spring.security} turns them into no-ops; under
     * decide-now load that wrapping was a twentieth of what the API allocated. Requests stay observed
     * as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http, Memberships memberships, SignInThrottle throttle, ApiKeys keys, UserAccounts accounts)
            throws Exception {
        // the actuator is called by machines (Prometheus, a load balancer) with HTTP Basic, as the API is
        return http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/**")
                .authorizeHttpRequests(paths -> paths.requestMatchers(
                                HttpMethod.POST, "/api/cases", "/api/cases/decide-now")
                        .hasRole(INTAKE.name())
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/recomputation")
                        .hasAnyRole(roles(AUDITOR, POLICY_OFFICER))
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/objection")
                        .hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.GET, "/api/cases/*")
                        .hasAnyRole(roles(INTAKE, REVIEWER, AUDITOR, POLICY_OFFICER))
                        .requestMatchers(HttpMethod.POST, "/api/norms/candidates", "/api/norms/candidates/**")
                        .hasRole(POLICY_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/api/norms/candidates", "/api/norms/candidates/**")
                        .hasAnyRole(roles(POLICY_OFFICER, AUDITOR))
                        .requestMatchers(
                                HttpMethod.GET, "/api/norms", "/api/norms/*", "/api/norms/*/csv", "/api/norms/*/diff/*")
                        .hasAnyRole(roles(POLICY_OFFICER, AUDITOR, REVIEWER))
                        .requestMatchers(HttpMethod.POST, "/api/rulesets/**")
                        .hasRole(POLICY_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/api/rulesets/**")
                        .hasAnyRole(roles(POLICY_OFFICER, AUDITOR))
                        .requestMatchers(HttpMethod.GET, "/api/review/**")
                        .hasAnyRole(roles(REVIEWER, AUDITOR))
                        .requestMatchers(HttpMethod.POST, "/api/review/**")
                        .hasRole(REVIEWER.name())
                        .requestMatchers(HttpMethod.GET, "/api/dashboard")
                        .hasAnyRole(roles(REVIEWER, SCHEDULER, AUDITOR, POLICY_OFFICER))
                        .requestMatchers(HttpMethod.GET, "/api/audit/**")
                        .hasRole(AUDITOR.name())
                        // the schedulers' console: schedulers plan and act, auditors read
                        .requestMatchers(HttpMethod.GET, "/api/runs", "/api/runs/**")
                        .hasAnyRole(roles(SCHEDULER, AUDITOR))
                        .requestMatchers(HttpMethod.PUT, "/api/runs/schedule")
                        .hasRole(SCHEDULER.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/runs",
                                "/api/runs/*/stop",
                                "/api/runs/*/restart",
                                "/api/runs/*/recover")
                        .hasRole(SCHEDULER.name())
                        .requestMatchers("/api/platform/**")
                        .hasRole(PLATFORM_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // every municipality's series and the JVM's: the platform's
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasRole(PLATFORM_ADMIN.name())
                        // the series of the request's municipality only (every one for the platform administrator)
                        .requestMatchers(HttpMethod.GET, "/api/operations/metrics")
                        .hasAnyRole(roles(SCHEDULER, MONITORING, PLATFORM_ADMIN))
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                // A plain 401 without a Basic challenge: a browser then never prompts for and caches
                // credentials that another site's forms could ride on (the API has no CSRF tokens).
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(ONE_YEAR)))
                // an e-service's API key (Authorization: Bearer), checked with a SHA-256: no bcrypt per request
                .addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class)
                .addFilterBefore(
                        new SignInThrottleFilter(throttle, SignInThrottleFilter.Credentials.BASIC),
                        BasicAuthenticationFilter.class)
                // a person's account with the password the administrator gave it does nothing yet
                .addFilterAfter(
                        new ChosenPassword(ChosenPassword.Answer.API, accounts), BasicAuthenticationFilter.class)
                // after authentication, before authorization: the roles are those of the request's municipality
                .addFilterBefore(
                        new MunicipalityFilter(memberships, MunicipalityFilter.Choice.HEADER),
                        AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            Memberships memberships,
            SignInThrottle throttle,
            BeanFactory beans,
            UserAccounts accounts)
            throws Exception {
        SignInAgain signInAgain = new SignInAgain();
        return http.authorizeHttpRequests(paths -> paths.requestMatchers(
                                "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/review", "/review/**")
                        .hasRole(REVIEWER.name())
                        .requestMatchers("/rules", "/rules/**", "/norms", "/norms/**")
                        .hasRole(POLICY_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/dashboard")
                        .hasAnyRole(roles(REVIEWER, SCHEDULER, AUDITOR, POLICY_OFFICER))
                        .requestMatchers(HttpMethod.GET, "/audit", "/audit/**")
                        .hasRole(AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/audit/verification")
                        .hasRole(AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/runs/start")
                        .hasRole(SCHEDULER.name())
                        .requestMatchers(HttpMethod.GET, "/runs", "/runs/**")
                        .hasAnyRole(roles(SCHEDULER, AUDITOR))
                        .requestMatchers(HttpMethod.POST, "/runs/**")
                        .hasRole(SCHEDULER.name())
                        .requestMatchers("/platform", "/platform/**")
                        .hasRole(PLATFORM_ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/municipality")
                        .authenticated() // the switch takes only a municipality the account works for
                        .requestMatchers(ChosenPassword.PAGE)
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/", "/swagger-ui.html", "/swagger-ui/**")
                        .authenticated()
                        // a controller's path not named above is refused; an address nothing answers is a 404
                        .anyRequest()
                        .access(new UnknownPages(beans)))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(backToWhereTheyWere(accounts))
                        .permitAll())
                // an ended session: sign in again, and what a form held is kept (KeptForm)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(signInAgain).accessDeniedHandler(signInAgain))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(API_DESCRIPTION),
                                new ContentSecurityPolicyHeaderWriter(PAGES_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                API_DESCRIPTION, new ContentSecurityPolicyHeaderWriter(API_DESCRIPTION_POLICY)))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(ONE_YEAR)))
                .addFilterBefore(
                        new SignInThrottleFilter(throttle, SignInThrottleFilter.Credentials.FORM),
                        UsernamePasswordAuthenticationFilter.class)
                // a person's account with the password the administrator gave it chooses its own first
                .addFilterAfter(
                        new ChosenPassword(ChosenPassword.Answer.PAGES, accounts),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new MunicipalityFilter(memberships, MunicipalityFilter.Choice.SESSION),
                        AuthorizationFilter.class)
                .build();
    }

    /**
     * After signing in: back to the page whose form was kept when the session had ended, or where an
     * htmx request of the ended session came from, else to the page that was asked for, else to the
     * start page of one's role.
     */
    private static AuthenticationSuccessHandler backToWhereTheyWere(UserAccounts accounts) {
        SavedRequestAwareAuthenticationSuccessHandler asked = new SavedRequestAwareAuthenticationSuccessHandler();
        asked.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            // the session is the password's it signed in with (ChosenPassword)
            accounts.passwordState(authentication.getName())
                    .ifPresent(state -> request.getSession().setAttribute(ChosenPassword.STAMP, state.stamp()));
            java.util.Optional<String> page = KeptForm.returnTo(request).or(() -> SignInAgain.pageBefore(request));
            if (page.isPresent()) {
                new HttpSessionRequestCache().removeRequest(request, response);
                response.sendRedirect(request.getContextPath() + page.get());
            } else {
                asked.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
