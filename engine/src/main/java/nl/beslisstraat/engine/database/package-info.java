/**
 * Where the database comes from when nobody configured one: an embedded PostgreSQL (the real
 * server, from Maven artifacts) whose data stays under the user's home, so a newcomer needs only
 * a JDK. With {@code spring.datasource.url} set, this package stays out of the way. Also the
 * small tools every feature needs around the database: many rows in one statement, and in-memory
 * changes that wait for their transaction to commit.
 */
package nl.beslisstraat.engine.database;
