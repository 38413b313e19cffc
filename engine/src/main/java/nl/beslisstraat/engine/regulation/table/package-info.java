/**
 * Decision tables as data. A regulation declares the layout of its table (a
 * {@link nl.beslisstraat.engine.regulation.table.TableTemplate}: titles, column headings, and per
 * column a type and a fixed test); every table, shipped or uploaded, is read into typed rows of
 * that template; {@link nl.beslisstraat.engine.regulation.table.RuleRenderer} writes the rule code
 * from the typed values alone. The spreadsheet compiler of Drools is not used: an officer's text
 * never reaches a compiler.
 */
package nl.beslisstraat.engine.regulation.table;
