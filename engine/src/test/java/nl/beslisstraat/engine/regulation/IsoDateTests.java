package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The date reader reads every date written yyyy-mm-dd as LocalDate.parse does, refuses a day the
 * calendar lacks in LocalDate.parse's words, and refuses every other text, the years LocalDate.parse
 * would take with a sign or more digits too.
 */
class IsoDateTests {

    @Test
    void readsEveryDayAsLocalDateParseDoes() {
        for (LocalDate day = LocalDate.of(2023, 12, 25);
                day.isBefore(LocalDate.of(2029, 1, 5));
                day = day.plusDays(1)) {
            assertThat(IsoDate.parse(day.toString())).isEqualTo(day);
        }
        assertThat(IsoDate.parse("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(IsoDate.parse("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void refusesEveryTextThatIsNotADateWrittenAsFourDigitsTwoAndTwo() {
        for (String text : List.of(
                "+12026-01-01",
                "-999999-01-01",
                "+999999999-12-31",
                "-0001-01-01",
                "0000-01-01",
                "2026-1-15",
                "2026/01/15",
                "２０２６-01-15",
                "",
                "2026-01-15 ",
                "-2026-01-1",
                "2026-01-1x")) {
            assertThatThrownBy(() -> IsoDate.parse(text))
                    .as(text)
                    .isInstanceOf(DateTimeParseException.class)
                    .hasMessageContaining("yyyy-mm-dd");
        }
    }

    @Test
    void refusesADayTheCalendarLacksInLocalDateParsesWords() {
        for (String text : List.of("2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00")) {
            assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeException.class);
            String expected = message(() -> LocalDate.parse(text));
            assertThatThrownBy(() -> IsoDate.parse(text))
                    .as(text)
                    .isInstanceOf(DateTimeException.class)
                    .hasMessage(expected);
        }
    }

    private static String message(Runnable parse) {
        try {
            parse.run();
            return null;
        } catch (DateTimeException refused) {
            return refused.getMessage();
        }
    }
}
