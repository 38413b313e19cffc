/**
 * Regulations and their rule sets: discovers every regulation under {@code nl/beslisstraat/rules/}
 * on the classpath, compiles its decision tables once into a Drools KieBase, and answers which
 * rule set is in force for a case type on a reference date.
 *
 * <p>A regulation is data: its {@code regulation.json} names the fact type, the rule resources,
 * the input schema (JSON Schema) and the example cases. Nothing here knows a particular case type.
 * Proved rule by rule by {@code ExampleCasesTests}, the schema check by {@code InputSchemaTests},
 * versions by reference date by {@code ReferenceDateFunctionalTests} (batch-jobs) and deadlines by
 * {@code DecisionDeadlineTests}.
 */
package nl.beslisstraat.engine.regulation;
