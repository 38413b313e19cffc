/**
 * Demo data: synthetic applications with a realistic mix of outcomes, queued so that a newcomer
 * can watch a nightly run without any real data. Its mix is checked by
 * {@code NightlyDecisionsFunctionalTests}.
 */
package nl.beslisstraat.batch.demo;
