package nl.beslisstraat.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working days and general holidays as the Algemene termijnenwet (art. 3) counts them. */
class WorkingDaysTests {

    @Test
    void findsEasterSundayForKnownYears() {
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo("2024-03-31");
        assertThat(WorkingDays.easterSunday(2025)).isEqualTo("2025-04-20");
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo("2026-04-05");
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo("2027-03-28");
    }

    @Test
    void knowsTheGeneralHolidaysOf2026() {
        assertThat(LocalDate.parse("2026-01-01")).matches(WorkingDays::isGeneralHoliday, "New Year's Day");
        assertThat(LocalDate.parse("2026-04-06")).matches(WorkingDays::isGeneralHoliday, "Easter Monday");
        assertThat(LocalDate.parse("2026-04-27")).matches(WorkingDays::isGeneralHoliday, "King's Day");
        assertThat(LocalDate.parse("2026-05-05")).matches(WorkingDays::isGeneralHoliday, "Liberation Day");
        assertThat(LocalDate.parse("2026-05-14")).matches(WorkingDays::isGeneralHoliday, "Ascension Day");
        assertThat(LocalDate.parse("2026-05-25")).matches(WorkingDays::isGeneralHoliday, "Whit Monday");
        assertThat(LocalDate.parse("2026-12-25")).matches(WorkingDays::isGeneralHoliday, "Christmas Day");
        assertThat(LocalDate.parse("2026-12-26")).matches(WorkingDays::isGeneralHoliday, "Boxing Day");
        assertThat(LocalDate.parse("2026-04-03"))
                .matches(day -> !WorkingDays.isGeneralHoliday(day), "Good Friday is not one");
    }

    @Test
    void movesKingsDayToSaturdayWhenTheTwentySeventhIsASunday() {
        assertThat(LocalDate.parse("2025-04-26")).matches(WorkingDays::isGeneralHoliday);
        assertThat(LocalDate.parse("2025-04-27")).matches(day -> !WorkingDays.isGeneralHoliday(day));
    }

    @Test
    void countsTheDaysAfterReceiptUpToTheDayBeforeTheEvent() {
        // Mon 2 March to Tue 17 March 2026: 3..6, 9..13, 16 March
        assertThat(WorkingDays.between(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-17")))
                .isEqualTo(10);
        assertThat(WorkingDays.between(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-16")))
                .isEqualTo(9);
        assertThat(WorkingDays.between(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03")))
                .isZero();
        assertThat(WorkingDays.between(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-01")))
                .isZero();
    }

    @Test
    void skipsEasterMondayAndTheChristmasHolidays() {
        assertThat(WorkingDays.between(LocalDate.parse("2026-03-30"), LocalDate.parse("2026-04-14")))
                .isEqualTo(9);
        assertThat(WorkingDays.between(LocalDate.parse("2026-12-18"), LocalDate.parse("2027-01-05")))
                .isEqualTo(9);
    }

    @Test
    void findsTheDayTenWorkingDaysBeforeAnEvent() {
        assertThat(WorkingDays.before(LocalDate.parse("2026-03-17"), 10)).isEqualTo("2026-03-03");
        assertThat(WorkingDays.before(LocalDate.parse("2026-04-15"), 10)).isEqualTo("2026-03-31");
    }

    @Test
    void movesADeadlineOnAWeekendOrHolidayToTheNextWorkingDay() {
        assertThat(WorkingDays.onOrAfter(LocalDate.parse("2026-12-25"))).isEqualTo("2026-12-28");
        assertThat(WorkingDays.onOrAfter(LocalDate.parse("2026-03-18"))).isEqualTo("2026-03-18");
    }
}
