package nl.beslisstraat.engine.regulation;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a date in the form JSON Schema's "date" format asks for, {@code 2026-03-15}, exactly as
 * {@link LocalDate#parse} does, without a formatter: a case's dates are read for every decision.
 * Anything other than four digits, two and two, joined by hyphens, goes to {@link LocalDate#parse},
 * which reads or refuses it as before.
 */
final class IsoDate {

    private IsoDate() {}

    /**
     * @throws java.time.DateTimeException when the text is no date, as {@link LocalDate#parse}
     */
    static LocalDate parse(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return LocalDate.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return LocalDate.parse(text);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDay) {
            return LocalDate.parse(text); // refused in its own words, naming the text
        }
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
