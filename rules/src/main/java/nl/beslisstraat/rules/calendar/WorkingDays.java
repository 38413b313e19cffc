package nl.beslisstraat.rules.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * Working days as the Algemene termijnenwet counts them: Saturdays, Sundays and the general
 * holidays of art. 3 do not count. Those holidays are New Year's Day, Easter Monday, King's Day
 * (27 April, or 26 April when the 27th is a Sunday), Liberation Day (5 May), Ascension Day, Whit
 * Monday, Christmas Day and Boxing Day. Good Friday is not among them.
 */
public final class WorkingDays {

    private WorkingDays() {}

    /**
     * The working days after {@code received} up to and including the day before {@code event}:
     * the time a notification gives the municipality. Zero when the event is not later than the
     * day after receipt.
     */
    public static int between(LocalDate received, LocalDate event) {
        int count = 0;
        for (LocalDate day = received.plusDays(1); day.isBefore(event); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The date {@code days} working days after {@code date}. */
    public static LocalDate after(LocalDate date, int days) {
        LocalDate day = date;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The date {@code days} working days before {@code date}: the last day to act in time. */
    public static LocalDate before(LocalDate date, int days) {
        LocalDate day = date;
        for (int left = days; left > 0; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The day itself when it is a working day, else the next working day: a term that ends on a
     * Saturday, Sunday or general holiday runs on to the next working day (Atw art. 1).
     */
    public static LocalDate onOrAfter(LocalDate day) {
        LocalDate working = day;
        while (!isWorkingDay(working)) {
            working = working.plusDays(1);
        }
        return working;
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isGeneralHoliday(day);
    }

    public static boolean isGeneralHoliday(LocalDate day) {
        int year = day.getYear();
        LocalDate easter = easterSunday(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        return day.equals(LocalDate.of(year, Month.JANUARY, 1))
                || day.equals(easter.plusDays(1))
                || day.equals(kingsDay)
                || day.equals(LocalDate.of(year, Month.MAY, 5))
                || day.equals(easter.plusDays(39))
                || day.equals(easter.plusDays(50))
                || day.equals(LocalDate.of(year, Month.DECEMBER, 25))
                || day.equals(LocalDate.of(year, Month.DECEMBER, 26));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
