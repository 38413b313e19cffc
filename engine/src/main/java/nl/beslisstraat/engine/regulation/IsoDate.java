package nl.beslisstraat.engine.regulation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads a date as the product writes and asks for one, {@code 2026-03-15}: four digits, two and
 * two, joined by hyphens (JSON Schema's "date" format). Every date that arrives from outside, in a
 * case, a request, a form or an uploaded table, is read here. {@link LocalDate#parse} also takes
 * years such as {@code +12345} or {@code -999999}, which no regulation means and which the
 * database cannot store, or stores as minus infinity; those are refused here as any other text
 * that is not a date. No formatter either: a case's dates are read for every decision.
 */
public final class IsoDate {

    private IsoDate() {}

    /**
     * @throws DateTimeParseException when the text is not a date written as yyyy-mm-dd, or names a
     *     day the calendar does not have
     */
    public static LocalDate parse(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw notADate(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 1 || month < 0 || day < 0) { // year 0000 is 1 BC: no date of ours
            throw notADate(text);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDay) {
            return LocalDate.parse(text); // refused in its own words: which field is out of range
        }
    }

    private static DateTimeParseException notADate(String text) {
        return new DateTimeParseException("Text '" + text + "' is not a date written as yyyy-mm-dd", text, 0);
    }

    /** The number the ASCII digits from {@code from} to {@code to} write; -1 when one is no digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
