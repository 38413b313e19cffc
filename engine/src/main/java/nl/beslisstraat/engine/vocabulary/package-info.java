/**
 * The words the pages show instead of codes: case types, statuses, outcomes, reasons, history
 * events, field names and their values, amounts, dates and money, in Dutch or English.
 * Regulation-specific words come from the regulation's own files ({@code regulation.json}: its
 * {@code name}, {@code amounts}, {@code dates} and {@code labels}; the input schema's
 * {@code title}s); engine-wide words from the message bundles. Templates reach them as the beans
 * {@code @words} ({@link nl.beslisstraat.engine.vocabulary.CaseVocabulary}) and
 * {@code @formats} ({@link nl.beslisstraat.engine.vocabulary.PageFormats}); the codes stay in the
 * API and appear on the pages as tooltips. Proved by {@code CaseVocabularyTests} and the browser
 * tests of the reviewer's, auditor's and officer's pages.
 */
package nl.beslisstraat.engine.vocabulary;
