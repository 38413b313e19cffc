/**
 * The audit trail: an append-only log of who changed what, when and why. The database refuses
 * updates and deletes of its rows (trigger {@code audit_log_append_only}). Every decision, by the
 * engine or by a person, writes an entry here in the same transaction as the decision itself.
 */
package nl.beslisstraat.engine.audit;
