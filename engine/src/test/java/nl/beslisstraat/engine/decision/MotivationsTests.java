package nl.beslisstraat.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Figures in a motivation read the way a citizen writes them in that language (Awb 3:46). */
class MotivationsTests {

    @Test
    void writesAmountsTheDutchWayInDutchAndTheEnglishWayInEnglish() {
        Map<String, Object> figures = Map.of("bankBalance", new BigDecimal("5120.00"));
        String template = "Uw banksaldo van EUR {bankBalance}";

        assertThat(Motivations.render(template, figures, Motivations.DUTCH)).isEqualTo("Uw banksaldo van EUR 5.120,00");
        assertThat(Motivations.render(template, figures, Locale.UK)).isEqualTo("Uw banksaldo van EUR 5,120.00");
    }

    @Test
    void keepsTheScaleOfAMeasureAndGroupsLargeAmounts() {
        assertThat(Motivations.format(new BigDecimal("6.01"), Motivations.DUTCH))
                .isEqualTo("6,01");
        assertThat(Motivations.format(new BigDecimal("1234567"), Motivations.DUTCH))
                .isEqualTo("1.234.567");
        assertThat(Motivations.format(new BigDecimal("-1245.5"), Locale.UK)).isEqualTo("-1,245.5");
        assertThat(Motivations.format(new BigDecimal("999"), Locale.UK)).isEqualTo("999");
    }

    @Test
    void writesDatesBooleansAndAbsentValuesInWords() {
        assertThat(Motivations.format(LocalDate.of(2026, 7, 1), Motivations.DUTCH))
                .isEqualTo("1 juli 2026");
        assertThat(Motivations.format(LocalDate.of(2026, 7, 1), Locale.UK)).isEqualTo("1 July 2026");
        assertThat(Motivations.format(true, Motivations.DUTCH)).isEqualTo("ja");
        assertThat(Motivations.format(null, Motivations.DUTCH)).isEqualTo("geen");
        assertThat(Motivations.format(null, Locale.UK)).isEqualTo("none");
    }

    @Test
    void writesEveryDateAsTheLanguagesLongDateFormatDoes() {
        for (LocalDate date = LocalDate.of(2025, 12, 31);
                date.isBefore(LocalDate.of(2027, 1, 2));
                date = date.plusDays(1)) {
            assertThat(Motivations.format(date, Motivations.DUTCH))
                    .isEqualTo(date.format(
                            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Motivations.DUTCH)));
            assertThat(Motivations.format(date, Locale.UK))
                    .isEqualTo(date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
        }
        assertThat(Motivations.format(LocalDate.of(999, 3, 4), Locale.UK)).isEqualTo("4 March 0999");
    }

    @Test
    void leavesAnUnknownPlaceholderVisibleRatherThanBlank() {
        assertThat(Motivations.render(
                        "Leges {fee} en {typo}", Map.of("fee", new BigDecimal("240.00")), Motivations.DUTCH))
                .isEqualTo("Leges 240,00 en {typo}");
    }
}
