package nl.beslisstraat.engine.regulation.table;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a condition column compares, chosen by the project for each column. The officer's cell
 * only supplies the value the field is compared with.
 */
public enum Test {
    @JsonProperty("greaterThan")
    GREATER_THAN,
    @JsonProperty("atLeast")
    AT_LEAST,
    @JsonProperty("lessThan")
    LESS_THAN,
    @JsonProperty("atMost")
    AT_MOST,
    @JsonProperty("equals")
    EQUALS,
    /** The field is one of the codes in the cell. */
    @JsonProperty("oneOf")
    ONE_OF,
    /** The field is none of the codes in the cell (also when it is absent). */
    @JsonProperty("noneOf")
    NONE_OF,
    /** A time of day before the cell's time. */
    @JsonProperty("before")
    BEFORE,
    /** A time of day after the cell's time, or past midnight (earlier than the start time). */
    @JsonProperty("endsAfter")
    ENDS_AFTER,
    /** The field is more than the cell's percentage of a norm. */
    @JsonProperty("exceedsPercentageOf")
    EXCEEDS_PERCENTAGE_OF,
    /** The field is at most the cell's percentage of a norm. */
    @JsonProperty("atMostPercentageOf")
    AT_MOST_PERCENTAGE_OF
}
