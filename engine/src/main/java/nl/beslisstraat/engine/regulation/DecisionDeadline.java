package nl.beslisstraat.engine.regulation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import nl.beslisstraat.rules.calendar.WorkingDays;
import tools.jackson.databind.JsonNode;

/**
 * A regulation's legal decision deadline (beslistermijn, Awb art. 4:13): either a period after the
 * application was received (eight weeks when the regulation sets nothing else), or a number of
 * working days before a date in the application (an event notification: ten working days before
 * the event).
 *
 * @param afterReceipt the period after receipt, such as {@code P8W}
 * @param workingDaysBefore the field and the number of working days before it
 */
public record DecisionDeadline(Period afterReceipt, WorkingDaysBefore workingDaysBefore) {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    /** Awb art. 4:13: eight weeks when the regulation sets no other term. */
    public static final DecisionDeadline AWB_DEFAULT = new DecisionDeadline(Period.ofWeeks(8), null);

    public record WorkingDaysBefore(String field, int days) {}

    public LocalDate of(OffsetDateTime receivedAt, JsonNode input) {
        if (workingDaysBefore != null) {
            JsonNode date = input == null ? null : input.get(workingDaysBefore.field());
            if (date != null && date.isString()) {
                try {
                    return WorkingDays.before(LocalDate.parse(date.asString()), workingDaysBefore.days());
                } catch (java.time.format.DateTimeParseException unreadable) {
                    // falls back to the Awb default below: a reviewer must still get a deadline
                }
            }
            return AWB_DEFAULT.of(receivedAt, input);
        }
        // A term ending on a weekend or holiday runs on to the next working day (Atw art. 1).
        return WorkingDays.onOrAfter(
                receivedAt.atZoneSameInstant(NETHERLANDS).toLocalDate().plus(afterReceipt));
    }
}
