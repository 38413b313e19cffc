package nl.beslisstraat.engine.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;

/**
 * The legal decision deadline (Awb art. 4:13): the regulation's period counted from the day the
 * application was received, in Dutch time.
 */
public final class DecisionDeadline {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private DecisionDeadline() {}

    public static LocalDate of(OffsetDateTime receivedAt, Period decisionPeriod) {
        return receivedAt.atZoneSameInstant(NETHERLANDS).toLocalDate().plus(decisionPeriod);
    }
}
