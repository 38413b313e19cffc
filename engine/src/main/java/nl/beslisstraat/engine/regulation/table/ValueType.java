package nl.beslisstraat.engine.regulation.table;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

/** The type of a condition column's cells, and the tests that fit it. */
public enum ValueType {
    /** A whole number within the column's range. */
    @JsonProperty("integer")
    INTEGER(EnumSet.of(Test.GREATER_THAN, Test.AT_LEAST, Test.LESS_THAN, Test.AT_MOST, Test.EQUALS)),
    /** A number with at most the column's decimals, within its range. */
    @JsonProperty("decimal")
    DECIMAL(EnumSet.of(Test.GREATER_THAN, Test.AT_LEAST, Test.LESS_THAN, Test.AT_MOST, Test.EQUALS)),
    /** Ja or nee. */
    @JsonProperty("yesNo")
    YES_NO(EnumSet.of(Test.EQUALS)),
    /** One code, or several separated by commas, from the column's closed list. */
    @JsonProperty("code")
    CODE(EnumSet.of(Test.EQUALS, Test.ONE_OF, Test.NONE_OF)),
    /** A time of day, hh:mm. */
    @JsonProperty("time")
    TIME(EnumSet.of(Test.BEFORE, Test.ENDS_AFTER)),
    /** A percentage of a norm, within the column's range. */
    @JsonProperty("percentage")
    PERCENTAGE(EnumSet.of(Test.EXCEEDS_PERCENTAGE_OF, Test.AT_MOST_PERCENTAGE_OF));

    private final Set<Test> tests;

    ValueType(Set<Test> tests) {
        this.tests = tests;
    }

    void check(TableTemplate.Condition condition) {
        String column = "Column '" + condition.heading() + "': ";
        if (!tests.contains(condition.test())) {
            throw new IllegalArgumentException(column + condition.test() + " does not fit a " + this);
        }
        boolean numeric = this == INTEGER || this == DECIMAL || this == PERCENTAGE;
        if (numeric && (condition.min() == null || condition.max() == null)) {
            throw new IllegalArgumentException(column + "a number needs a min and a max");
        }
        if (this == CODE && condition.codes().isEmpty()) {
            throw new IllegalArgumentException(column + "a code needs its list of codes");
        }
        if (this == PERCENTAGE && condition.of() == null) {
            throw new IllegalArgumentException(column + "a percentage needs the norm it is taken of");
        }
        if (condition.test() == Test.ENDS_AFTER && condition.since() == null) {
            throw new IllegalArgumentException(column + "endsAfter needs the start time (since)");
        }
    }
}
