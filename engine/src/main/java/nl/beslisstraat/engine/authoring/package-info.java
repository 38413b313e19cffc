/**
 * Policy officers' authoring: the life of a rule-set or norm version from upload to approval.
 * An uploaded decision table is read into the typed rows of its regulation's template
 * ({@link nl.beslisstraat.engine.regulation.table.TableReader}) or refused with the cell named;
 * only rows that read cleanly are rendered into rules, by the project's own code. A DMN model is
 * checked on kie-dmn's own reading of it: every FEEL syntax tree against an allow-list
 * ({@code DmnModelCheck}, {@code FeelAllowList}). Example cases run on the candidate, a colleague
 * approves it. Every version of a decision table, of a municipality's local choices and of the
 * norm table shares one life cycle, shown on one timeline ({@code VersionTimeline}: which version
 * is in force today, planned, superseded, draft or withdrawn, with its steps from the audit trail);
 * proved by {@code VersionTimelineTests} and the officers' browser tests.
 */
package nl.beslisstraat.engine.authoring;
