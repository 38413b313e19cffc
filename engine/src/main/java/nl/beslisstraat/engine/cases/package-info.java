/**
 * Cases (zaken): the stored application, its status (QUEUED, then DECIDED or IN_REVIEW) and the
 * queue the nightly run works through. The input is stored as received (jsonb) so any decision can
 * be recomputed from it. Proved by {@code CaseApiIntegrationTests}.
 */
package nl.beslisstraat.engine.cases;
