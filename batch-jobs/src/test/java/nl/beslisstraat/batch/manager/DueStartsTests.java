package nl.beslisstraat.batch.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Planned starts on the clocks of the Netherlands, across the nights the clocks change. */
class DueStartsTests {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void oneAtNightStaysOneOnDutchClocksWhenSummerTimeBegins() {
        // given: every day at 01:00; summer time begins on Sunday 28 March 2027 at 02:00
        DueStarts planned = new DueStarts("0 0 1 * * *");
        Instant saturdayEvening = at("2027-03-27T20:00+01:00[Europe/Amsterdam]");

        // when: it is 01:05 on Sunday and on Monday
        ZonedDateTime sunday = planned.due(saturdayEvening, at("2027-03-28T01:05+01:00[Europe/Amsterdam]"), HOUR)
                .orElseThrow();
        ZonedDateTime monday = planned.due(sunday.toInstant(), at("2027-03-29T01:05+02:00[Europe/Amsterdam]"), HOUR)
                .orElseThrow();

        // then: 00:00 UTC before the change, 23:00 UTC after it
        assertThat(sunday.toInstant()).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
        assertThat(monday.toInstant()).isEqualTo(Instant.parse("2027-03-28T23:00:00Z"));
        assertThat(monday.toLocalDate()).hasToString("2027-03-29");
    }

    @Test
    void aStartInTheHourThatDoesNotExistComesOnceThatNight() {
        // given: 02:30 does not exist on Sunday 28 March 2027
        DueStarts planned = new DueStarts("0 30 2 * * *");

        // when: from Saturday evening to Sunday noon
        ZonedDateTime start = planned.due(
                        at("2027-03-27T20:00+01:00[Europe/Amsterdam]"),
                        at("2027-03-28T12:00+02:00[Europe/Amsterdam]"),
                        Duration.ofDays(1))
                .orElseThrow();

        // then: it is started that Sunday at 03:30 summer time, once
        assertThat(start.toInstant()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(planned.due(start.toInstant(), at("2027-03-28T12:00+02:00[Europe/Amsterdam]"), Duration.ofDays(1)))
                .isEmpty();
    }

    @Test
    void theHourThatComesTwiceWhenSummerTimeEndsStartsOneRun() {
        // given: 02:30 comes twice on Sunday 31 October 2027
        DueStarts planned = new DueStarts("0 30 2 * * *");
        Instant saturday = at("2027-10-30T20:00+02:00[Europe/Amsterdam]");

        // when
        ZonedDateTime first = planned.due(saturday, at("2027-10-31T02:31+02:00[Europe/Amsterdam]"), HOUR)
                .orElseThrow();

        // then: once, and not again in the repeated hour
        assertThat(first.toLocalDate()).hasToString("2027-10-31");
        assertThat(planned.due(first.toInstant(), at("2027-10-31T02:45+01:00[Europe/Amsterdam]"), HOUR))
                .isEmpty();
    }

    @Test
    void workingDaysSkipTheWeekend() {
        // given: every working day at 01:00, last started on Friday 4 December 2026
        DueStarts planned = new DueStarts("0 0 1 * * MON-FRI");
        Instant friday = at("2026-12-04T01:00+01:00[Europe/Amsterdam]");

        // when / then: nothing on Saturday or Sunday, Monday at 01:00
        assertThat(planned.due(friday, at("2026-12-06T23:00+01:00[Europe/Amsterdam]"), HOUR))
                .isEmpty();
        assertThat(planned.due(friday, at("2026-12-07T01:00:30+01:00[Europe/Amsterdam]"), HOUR))
                .map(ZonedDateTime::toLocalDate)
                .hasValueSatisfying(date -> assertThat(date).hasToString("2026-12-07"));
    }

    @Test
    void aStartMissedByMoreThanTheGraceIsNotDueButIsTheLatest() {
        // given: the manager was down from before 01:00 until 09:00
        DueStarts planned = new DueStarts("0 0 1 * * *");
        Instant before = at("2026-12-01T00:30+01:00[Europe/Amsterdam]");
        Instant nine = at("2026-12-01T09:00+01:00[Europe/Amsterdam]");

        // then
        assertThat(planned.due(before, nine, HOUR)).isEmpty();
        assertThat(planned.latest(before, nine).orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static Instant at(String zoned) {
        return ZonedDateTime.parse(zoned).toInstant();
    }
}
