/** The batch jar's verification of the hash chains over the audit trail and the decisions. */
package nl.beslisstraat.batch.verify;
