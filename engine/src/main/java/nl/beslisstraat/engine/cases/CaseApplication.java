package nl.beslisstraat.engine.cases;

import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * An application as the e-service sent it: its case type, its reference date (peildatum) and the
 * input fields, kept as JSON exactly as received so that it can be stored and decided again later.
 */
public record CaseApplication(String caseType, LocalDate referenceDate, JsonNode input) {}
