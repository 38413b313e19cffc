/**
 * Tenancy: which municipality the current request or run works for, and the connections that
 * carry it to PostgreSQL, whose row-level security keeps each municipality's cases, decisions,
 * review tasks and audit entries its own. A request works for one of the municipalities its
 * account belongs to ({@link nl.beslisstraat.engine.tenancy.Memberships}), chosen with the switch
 * in the pages' header or the {@code X-Municipality} header, and has the roles held there only
 * ({@link nl.beslisstraat.engine.tenancy.MunicipalityFilter}). The application's connections log in
 * as a runtime role that is only a member of the application role ({@code RuntimeLogin}); the
 * configured login owns the schema and migrates it. Proved by {@code
 * MunicipalityIsolationIntegrationTests}, {@code RuntimeLoginIntegrationTests}, {@code
 * RolesPerMunicipalityIntegrationTests}, {@code MunicipalityFilterTests} and {@code
 * MunicipalitySwitchBrowserTests}.
 */
package nl.beslisstraat.engine.tenancy;
