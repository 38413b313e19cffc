package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application's reference date is read as every date from outside, yyyy-mm-dd with a four-digit
 * year: {@code +12026-02-01} was taken into the queue as the year 12026 and made decide-now fail with
 * a 500 ("time zone displacement out of range") instead of a 400 naming the field.
 */
class ReferenceDateTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private List<FieldError> errors(String value) {
        List<FieldError> errors = new ArrayList<>();
        ApplicationReader.referenceDate(json.readTree(value), errors);
        return errors;
    }

    @Test
    void aYearOfMoreOrFewerThanFourDigitsIsRefusedNamingTheField() {
        for (String date : List.of(
                "\"+12026-02-01\"", "\"-0001-02-01\"", "\"+2026-02-01\"", "\"0000-02-01\"", "\"-999999-01-01\"")) {
            assertThat(errors(date)).as(date).extracting(FieldError::field).containsExactly("referenceDate");
        }
    }

    @Test
    void anIsoDateIsRead() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(ApplicationReader.referenceDate(json.readTree("\"2026-02-01\""), errors))
                .isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(errors).isEmpty();
        assertThat(errors("\"2026-02-30\"")).extracting(FieldError::field).containsExactly("referenceDate");
    }
}
