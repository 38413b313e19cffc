package nl.beslisstraat.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PostgreSQL's COPY text format: what a value must become so that it arrives unchanged. */
class CopyInTests {

    @Test
    void writesNullAsBackslashN() {
        assertThat(copied(null)).isEqualTo("\\N");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(copied("Uw voertuig is 6,01 m lang.")).isEqualTo("Uw voertuig is 6,01 m lang.");
    }

    @Test
    void escapesBackslashTabAndLineBreaks() {
        assertThat(copied("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
    }

    private static String copied(Object value) {
        StringBuilder text = new StringBuilder();
        CopyIn.appendValue(text, value);
        return text.toString();
    }
}
