package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The legal decision deadline (Awb art. 4:13) with the Algemene termijnenwet's extension. */
class DecisionDeadlineTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void countsEightWeeksFromTheDayOfReceiptInDutchTime() {
        // 23:30 UTC on 2 March is already 3 March in the Netherlands
        OffsetDateTime received = OffsetDateTime.parse("2026-03-02T23:30:00Z");
        assertThat(DecisionDeadline.AWB_DEFAULT.of(received, null)).isEqualTo("2026-04-28");
    }

    @Test
    void movesADeadlineOnABoxingDaySaturdayToTheNextWorkingDay() {
        // 31 October 2026 + 8 weeks = Saturday 26 December (Boxing Day): runs on to Monday 28 December
        OffsetDateTime received = OffsetDateTime.parse("2026-10-31T10:00:00+01:00");
        assertThat(new DecisionDeadline(Period.ofWeeks(8), null).of(received, null))
                .isEqualTo("2026-12-28");
    }

    @Test
    void anEventNotificationMustBeDecidedTenWorkingDaysBeforeTheEvent() {
        DecisionDeadline deadline = new DecisionDeadline(null, new DecisionDeadline.WorkingDaysBefore("eventDate", 10));
        OffsetDateTime received = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");
        // ten working days before Wednesday 15 April 2026, Easter Monday not counted
        assertThat(deadline.of(received, json.readTree("{\"eventDate\": \"2026-04-15\"}")))
                .isEqualTo("2026-03-31");
    }

    @Test
    void withoutAnEventDateTheAwbDefaultApplies() {
        DecisionDeadline deadline = new DecisionDeadline(null, new DecisionDeadline.WorkingDaysBefore("eventDate", 10));
        OffsetDateTime received = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");
        // eight weeks after 2 March is Monday 27 April, King's Day: the term runs on to the 28th
        assertThat(deadline.of(received, json.readTree("{}"))).isEqualTo("2026-04-28");
    }
}
