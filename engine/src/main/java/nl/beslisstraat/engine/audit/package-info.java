/**
 * The audit trail: an append-only log of who changed what, when and why, and who read which case.
 * The database refuses updates and deletes of its rows (trigger {@code audit_log_append_only}).
 * Every decision, by the engine or by a person, writes an entry here in the same transaction as the
 * decision itself.
 *
 * <p>Audit entries and decisions are links of a hash chain per municipality, hashed by a trigger
 * as they are inserted; {@link nl.beslisstraat.engine.audit.ChainVerifier} recomputes it and names
 * the first link that does not hold, and {@link nl.beslisstraat.engine.audit.ChainVerifications}
 * does so daily and writes the chains' heads outside the database. Proved by {@code
 * ChainVerifierIntegrationTests} (tampering as the superuser) and {@code AuditTrailIntegrationTests}.
 *
 * <p>What happens on the platform rather than in a municipality has a log and a chain of its own,
 * {@link nl.beslisstraat.engine.audit.PlatformAuditLog}, which only work for the platform itself
 * reads.
 */
package nl.beslisstraat.engine.audit;
