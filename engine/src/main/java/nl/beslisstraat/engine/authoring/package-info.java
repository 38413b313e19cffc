/**
 * Policy officers' authoring: the life of a rule-set or norm version from upload to approval.
 * An uploaded decision table is read into the typed rows of its regulation's template
 * ({@link nl.beslisstraat.engine.regulation.table.TableReader}) or refused with the cell named;
 * only rows that read cleanly are rendered into rules, by the project's own code. A DMN model is
 * checked on kie-dmn's own reading of it: every FEEL syntax tree against an allow-list
 * ({@code DmnModelCheck}, {@code FeelAllowList}). Example cases run on the candidate, a colleague
 * approves it.
 */
package nl.beslisstraat.engine.authoring;
