/**
 * Tenancy: which municipality the current request or run works for, and the connections that
 * carry it to PostgreSQL, whose row-level security keeps each municipality's cases, decisions,
 * review tasks and audit entries its own. Proved by
 * {@code MunicipalityIsolationIntegrationTests}.
 */
package nl.beslisstraat.engine.tenancy;
