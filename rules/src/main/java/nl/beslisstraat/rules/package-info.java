/**
 * The fact model every regulation's rules share: {@link nl.beslisstraat.rules.CaseFacts}, the base
 * of each regulation's declared application type, and {@link nl.beslisstraat.rules.Findings}, where
 * a rule records what it found (outcome, reason code, motivation, amounts).
 *
 * <p>The regulations themselves are resources beside this package, one folder per regulation
 * ({@code nl/beslisstraat/rules/<regulation>/}): the declared fact type (DRL), the decision
 * tables (XLSX), the input schema (JSON Schema), the example cases (CSV) and a
 * {@code regulation.json} that ties them together. The engine discovers them; no Java is needed
 * to add one. The example cases are run by {@code ExampleCasesTests} in the engine module.
 *
 * <p>No Spring and no Drools types here: rules call plain methods on plain objects.
 */
package nl.beslisstraat.rules;
