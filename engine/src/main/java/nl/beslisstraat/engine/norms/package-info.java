/**
 * Norm amounts (normbedragen): parameters such as the monthly cost of living norm, kept apart
 * from the rules in a norm table with validity periods, shared by every regulation that reads
 * them (TAX_REMISSION and CITY_PASS read the same rows). The table is versioned in PostgreSQL:
 * a policy officer adds a version, never changes one, and each version has the reference date
 * from which it is in force. Proved by {@code NormTableTests} and {@code NormApiIntegrationTests}.
 */
package nl.beslisstraat.engine.norms;
