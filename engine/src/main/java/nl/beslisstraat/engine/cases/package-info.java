/**
 * Cases (zaken): the stored application, its status (QUEUED, then DECIDED or IN_REVIEW) and the
 * queue the nightly run works through. The input is stored as received (jsonb) so any decision can
 * be recomputed from it, with the e-service account that submitted it, the only client that reads
 * it back. Proved by {@code CaseApiIntegrationTests} and {@code ClientOwnershipIntegrationTests}.
 */
package nl.beslisstraat.engine.cases;
