/**
 * Tenancy: which municipality the current request or run works for, and the connections that
 * carry it to PostgreSQL, whose row-level security keeps each municipality's cases, decisions,
 * review tasks and audit entries its own. The application's connections log in as a runtime role
 * that is only a member of the application role ({@code RuntimeLogin});
 * the configured login owns the schema and migrates it. Proved by {@code
 * MunicipalityIsolationIntegrationTests} and {@code RuntimeLoginIntegrationTests}.
 */
package nl.beslisstraat.engine.tenancy;
