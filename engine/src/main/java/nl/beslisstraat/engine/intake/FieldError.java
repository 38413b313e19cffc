package nl.beslisstraat.engine.intake;

/** One thing wrong with a submitted application, naming the field ("(body)" for the whole). */
public record FieldError(String field, String message) {}
