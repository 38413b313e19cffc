package nl.beslisstraat.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/** The next starts of a schedule on the nights the clocks change (last Sunday of March and October). */
class PlannedStartsTests {

    @Test
    void aStartInTheHourThatSpringSkipsHappensAnHourLaterThatNightOnly() {
        // 2027-03-28: at 02:00 the clocks go to 03:00, so 02:30 does not exist that night
        ZonedDateTime saturdayNoon = ZonedDateTime.of(2027, 3, 27, 12, 0, 0, 0, PlannedStarts.AMSTERDAM);

        List<ZonedDateTime> starts = PlannedStarts.after(CronExpression.parse("0 30 2 * * *"), saturdayNoon, 5);

        assertThat(starts.stream().map(ZonedDateTime::toOffsetDateTime).toList())
                .containsExactly(
                        OffsetDateTime.parse("2027-03-28T03:30+02:00"),
                        OffsetDateTime.parse("2027-03-29T02:30+02:00"),
                        OffsetDateTime.parse("2027-03-30T02:30+02:00"),
                        OffsetDateTime.parse("2027-03-31T02:30+02:00"),
                        OffsetDateTime.parse("2027-04-01T02:30+02:00"));
    }

    @Test
    void aStartInTheHourThatAutumnRepeatsHappensOnce() {
        // 2027-10-31: at 03:00 the clocks go back to 02:00, so 02:30 occurs twice
        ZonedDateTime saturdayNoon = ZonedDateTime.of(2027, 10, 30, 12, 0, 0, 0, PlannedStarts.AMSTERDAM);

        List<ZonedDateTime> starts = PlannedStarts.after(CronExpression.parse("0 30 2 * * *"), saturdayNoon, 3);

        assertThat(starts.stream().map(ZonedDateTime::toOffsetDateTime).toList())
                .containsExactly(
                        OffsetDateTime.parse("2027-10-31T02:30+02:00"),
                        OffsetDateTime.parse("2027-11-01T02:30+01:00"),
                        OffsetDateTime.parse("2027-11-02T02:30+01:00"));
    }

    @Test
    void workingDaysAtOneStayAtOneOClockDutchTimeAcrossTheAutumnChange() {
        ZonedDateTime thursdayEvening = ZonedDateTime.of(2027, 10, 28, 20, 0, 0, 0, PlannedStarts.AMSTERDAM);

        List<ZonedDateTime> starts = PlannedStarts.after(CronExpression.parse("0 0 1 * * MON-FRI"), thursdayEvening, 5);

        assertThat(starts.stream().map(ZonedDateTime::toOffsetDateTime).toList())
                .containsExactly(
                        OffsetDateTime.parse("2027-10-29T01:00+02:00"),
                        OffsetDateTime.parse("2027-11-01T01:00+01:00"),
                        OffsetDateTime.parse("2027-11-02T01:00+01:00"),
                        OffsetDateTime.parse("2027-11-03T01:00+01:00"),
                        OffsetDateTime.parse("2027-11-04T01:00+01:00"));
        // the weekend in between is an hour longer: Friday 01:00 to Monday 01:00 is 73 hours
        assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofHours(73));
    }

    @Test
    void workingDaysAtOneAcrossTheSpringChange() {
        ZonedDateTime fridayNoon = ZonedDateTime.of(2027, 3, 26, 12, 0, 0, 0, PlannedStarts.AMSTERDAM);

        List<ZonedDateTime> starts = PlannedStarts.after(CronExpression.parse("0 0 1 * * MON-FRI"), fridayNoon, 2);

        assertThat(starts.stream().map(ZonedDateTime::toOffsetDateTime).toList())
                .containsExactly(
                        OffsetDateTime.parse("2027-03-29T01:00+02:00"), OffsetDateTime.parse("2027-03-30T01:00+02:00"));
        assertThat(Duration.between(fridayNoon, starts.get(0))).isEqualTo(Duration.ofHours(60));
    }
}
