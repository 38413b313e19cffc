/**
 * Who may do what. Users with hashed passwords live in PostgreSQL, with their roles per
 * municipality; the REST API takes an e-service's API key ({@link
 * nl.beslisstraat.engine.security.ApiKeys}: {@code Authorization: Bearer}, checked with a SHA-256,
 * for machine clients) or HTTP Basic (stateless; bcrypt on every request, so for people and light
 * integrations), the web pages a sign-in form with a session that times out and CSRF protection on
 * every form. Every
 * path is assigned to roles in {@link nl.beslisstraat.engine.security.SecurityConfiguration};
 * anything not listed is refused, and the roles checked are those of the municipality the request
 * works for. Proved by {@code AuthorizationTests}, which tries every endpoint and page with every
 * role, and {@code RolesPerMunicipalityIntegrationTests}.
 *
 * <p>Password guessing is braked per account and per source address ({@link
 * nl.beslisstraat.engine.security.SignInThrottle}: a growing delay, then a lock, audited, lifted by
 * the platform administrator), proved by {@code SignInThrottleIntegrationTests}; the headers
 * (Content-Security-Policy, HSTS behind TLS) by {@code SecurityHeadersIntegrationTests} and {@code
 * ContentSecurityPolicyBrowserTests}; API keys (issued once, stored as a hash, revoked, bound to one
 * municipality) by {@code ApiKeysIntegrationTests}.
 *
 * <p>A page's form posted after the session ended is not refused: it is kept ({@link
 * nl.beslisstraat.engine.security.KeptForm}), the person signs in again and is back on the form with
 * what they filled in; a page address that nothing answers is "not found" rather than "no access"
 * ({@link nl.beslisstraat.engine.security.UnknownPages}). Proved by {@code ReviewerFormsBrowserTests}
 * and {@code AuthorizationTests}.
 */
package nl.beslisstraat.engine.security;
