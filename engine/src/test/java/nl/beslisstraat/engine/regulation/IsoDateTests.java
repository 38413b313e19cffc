package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick date reader reads and refuses exactly what LocalDate.parse does. */
class IsoDateTests {

    @Test
    void readsEveryDayAsLocalDateParseDoes() {
        for (LocalDate day = LocalDate.of(2023, 12, 25);
                day.isBefore(LocalDate.of(2029, 1, 5));
                day = day.plusDays(1)) {
            assertThat(IsoDate.parse(day.toString())).isEqualTo(day);
        }
        assertThat(IsoDate.parse("0000-01-01")).isEqualTo(LocalDate.parse("0000-01-01"));
        assertThat(IsoDate.parse("+12026-01-01")).isEqualTo(LocalDate.parse("+12026-01-01"));
    }

    @Test
    void refusesWhatLocalDateParseRefusesInTheSameWords() {
        for (String text : List.of(
                "2026-02-30",
                "2025-02-29",
                "2026-13-01",
                "2026-00-10",
                "2026-01-00",
                "2026-1-15",
                "2026/01/15",
                "2026-01-1x",
                "２０２６-01-15",
                "",
                "2026-01-15 ",
                "-2026-01-1")) {
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
