/**
 * Policy officers' authoring (issue 5, first part): checking an uploaded decision table before
 * anything compiles it. An officer's table carries data only (conditions, outcomes, reason codes,
 * texts); every code part (the RuleSet and Import rows, column types, patterns and snippets)
 * must be exactly the project's, as in the version in force. Anything else, and any cell that
 * would break out of its snippet, is refused with the sheet, row and column named. Size and
 * decompression are limited. Proved by {@code DecisionTableCheckTests} with hostile uploads.
 * A DMN model is checked on kie-dmn's own reading of it: every FEEL syntax tree against an
 * allow-list ({@code DmnModelCheck}, {@code FeelAllowList}), proved by {@code DmnModelCheckTests},
 * {@code FeelAllowListTests} and the hostile corpus in {@code RulePackageFormatsIntegrationTests}.
 */
package nl.beslisstraat.engine.authoring;
