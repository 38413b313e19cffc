/**
 * Review tasks: the cases the rules hand to a person (behandelaar), each with the reasons it was
 * escalated, any processing error, and its legal decision deadline (beslistermijn). Proved by
 * {@code ReviewDeadlineTests} and the nightly job's functional tests.
 */
package nl.beslisstraat.engine.review;
