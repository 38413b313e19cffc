package nl.beslisstraat.engine.runs;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.regulation.Phrase;
import org.springframework.scheduling.support.CronExpression;

/**
 * A schedule as a scheduler writes it: a time and the days, or (advanced) a cron expression of
 * its own. The same body for the page's form and for {@code PUT /api/runs/schedule}; a {@code cron}
 * given wins over the time and days.
 *
 * @param time HH:MM, Dutch time
 * @param days {@code EVERY_DAY}, {@code WORKING_DAYS} (Monday to Friday), {@code WEEKDAYS} (those in
 *     {@code weekdays}) or {@code ADVANCED} (the {@code cron} field)
 * @param weekdays MON, TUE, WED, THU, FRI, SAT, SUN
 * @param cron a Spring cron expression of six fields (second minute hour day month weekday)
 * @param paused whether the schedule is paused; {@code null} keeps what it was (a new one runs)
 */
public record ScheduleForm(String time, String days, List<String> weekdays, String cron, Boolean paused) {

    /** Long enough for any sensible expression, as the column allows. */
    public static final int MAX_CRON_LENGTH = 100;

    /** How many planned starts are looked at for two on one day: enough for any expression. */
    private static final int SAME_DAY_CHECKED = 3;

    public static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern FRIENDLY =
            Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* (\\*|MON-FRI|[A-Z]{3}(?:,[A-Z]{3})*)");

    /** The expression this form asks for, checked; refused naming the field that is wrong. */
    public String toCron() {
        boolean advanced = "ADVANCED".equals(days) || (days == null && cron != null && !cron.isBlank());
        if (advanced) {
            return checked(cron);
        }
        if (time == null || time.isBlank()) {
            throw invalid(
                    "time",
                    new Phrase(
                            "Tijd: vul een tijd in als 02:00 (uren en minuten).",
                            "Time: fill in a time such as 02:00 (hours and minutes)."));
        }
        Matcher hhmm = TIME.matcher(time.trim());
        if (!hhmm.matches()) {
            throw invalid(
                    "time",
                    Phrase.of(
                            "Tijd: '{0}' is geen tijd als 02:00 (00:00 tot 23:59).",
                            "Time: '{0}' is no time such as 02:00 (00:00 to 23:59).", time.trim()));
        }
        String start = "0 " + Integer.parseInt(hhmm.group(2)) + " " + Integer.parseInt(hhmm.group(1)) + " * * ";
        if (days == null || days.equals("EVERY_DAY")) {
            return checked(start + "*");
        }
        if (days.equals("WORKING_DAYS")) {
            return checked(start + "MON-FRI");
        }
        if (days.equals("WEEKDAYS")) {
            List<String> chosen = weekdays == null
                    ? List.of()
                    : WEEKDAYS.stream()
                            .filter(day -> weekdays.stream().anyMatch(day::equalsIgnoreCase))
                            .toList();
            if (chosen.isEmpty() || chosen.size() != (weekdays == null ? 0 : weekdays.size())) {
                throw invalid(
                        "weekdays",
                        new Phrase(
                                "Dagen: kies een of meer dagen (MON tot SUN).",
                                "Days: choose one or more days (MON to SUN)."));
            }
            return checked(start + String.join(",", chosen));
        }
        throw invalid(
                "days",
                new Phrase(
                        "Dagen: kies elke dag, werkdagen, bepaalde dagen of een eigen cron-expressie.",
                        "Days: choose every day, working days, certain days or a cron expression of your own."));
    }

    /** The form that writes {@code cron}, for showing a stored schedule in the friendly fields. */
    public static ScheduleForm of(String cron, boolean paused) {
        Matcher friendly = FRIENDLY.matcher(cron);
        if (friendly.matches()
                && Integer.parseInt(friendly.group(1)) < 60
                && Integer.parseInt(friendly.group(2)) < 24) {
            String time = String.format(
                    Locale.ROOT, "%02d:%02d", Integer.parseInt(friendly.group(2)), Integer.parseInt(friendly.group(1)));
            String days = friendly.group(3);
            if (days.equals("*")) {
                return new ScheduleForm(time, "EVERY_DAY", List.of(), cron, paused);
            }
            if (days.equals("MON-FRI")) {
                return new ScheduleForm(time, "WORKING_DAYS", List.of(), cron, paused);
            }
            List<String> chosen = List.of(days.split(","));
            if (WEEKDAYS.containsAll(chosen)) {
                return new ScheduleForm(time, "WEEKDAYS", chosen, cron, paused);
            }
        }
        return new ScheduleForm(null, "ADVANCED", List.of(), cron, paused);
    }

    /** The expression, parsed by Spring: six fields, at most {@link #MAX_CRON_LENGTH} characters. */
    static String checked(String cron) {
        if (cron == null || cron.isBlank()) {
            throw invalid(
                    "cron",
                    new Phrase(
                            "Cron-expressie: vul een expressie in, zoals 0 0 2 * * * (elke nacht om 02:00).",
                            "Cron expression: fill in an expression, such as 0 0 2 * * * (every night at 02:00)."));
        }
        String trimmed = cron.trim().replaceAll("\\s+", " ");
        if (trimmed.length() > MAX_CRON_LENGTH) {
            throw invalid(
                    "cron",
                    Phrase.of(
                            "Cron-expressie: ten hoogste {0} tekens.",
                            "Cron expression: at most {0} characters.", MAX_CRON_LENGTH));
        }
        if (trimmed.split(" ").length != 6) {
            throw invalid(
                    "cron",
                    new Phrase(
                            "Cron-expressie: zes velden nodig (seconde minuut uur dag maand weekdag), zoals 0 0 2 * * *.",
                            "Cron expression: six fields needed (second minute hour day month weekday), such as"
                                    + " 0 0 2 * * *."));
        }
        CronExpression expression;
        try {
            expression = CronExpression.parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw invalid("cron", wrongField(trimmed.split(" ")));
        }
        onceANightAtMost(trimmed, expression);
        return trimmed;
    }

    /** Each field of a cron expression: its name in both languages and the values it takes. */
    private static final String[][] CRON_FIELDS = {
        {"seconde", "second", "0-59"},
        {"minuut", "minute", "0-59"},
        {"uur", "hour", "0-23"},
        {"dag van de maand", "day of the month", "1-31"},
        {"maand", "month", "1-12 of JAN-DEC", "1-12 or JAN-DEC"},
        {"weekdag", "weekday", "0-7 of MON-SUN", "0-7 or MON-SUN"}
    };

    /**
     * Names the field of an expression that cannot be read, by reading each field on its own with
     * every other field left free, rather than showing the scheduler the parser's own English.
     */
    private static Phrase wrongField(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            String[] alone = {"*", "*", "*", "*", "*", "*"};
            alone[i] = fields[i];
            try {
                CronExpression.parse(String.join(" ", alone));
            } catch (IllegalArgumentException wrong) {
                String[] field = CRON_FIELDS[i];
                return Phrase.of(
                        "Cron-expressie: het veld {0} ('{1}') heeft geen geldige waarde; toegestaan is {2}.",
                        "Cron expression: the {3} field ('{1}') has no valid value; allowed: {4}.",
                        field[0],
                        fields[i],
                        field[2],
                        field[1],
                        field.length > 3 ? field[3] : field[2]);
            }
        }
        return Phrase.of(
                "Cron-expressie: '{0}' is geen geldige expressie.",
                "Cron expression: '{0}' is no valid expression.", String.join(" ", fields));
    }

    /**
     * A schedule starts a night's run, so it starts at least once and at most once a day: a
     * second start on the same date would find its night done already, and an expression such as
     * {@code * * * * * *} would ask for one every second. A cron expression's fields combine
     * independently, so an expression that ever starts twice a day does so on its first day.
     */
    private static void onceANightAtMost(String cron, CronExpression expression) {
        List<ZonedDateTime> starts =
                PlannedStarts.after(expression, ZonedDateTime.now(PlannedStarts.AMSTERDAM), SAME_DAY_CHECKED);
        if (starts.isEmpty()) {
            throw invalid(
                    "cron",
                    Phrase.of(
                            "Cron-expressie: '{0}' plant geen enkele start (bestaat die dag wel?).",
                            "Cron expression: '{0}' plans no start at all (does that day exist?).", cron));
        }
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i).toLocalDate().equals(starts.get(i - 1).toLocalDate())) {
                throw invalid(
                        "cron",
                        Phrase.of(
                                "Cron-expressie: '{0}' start vaker dan eens per dag; een nachtelijke run start"
                                        + " hoogstens een keer per nacht, zoals 0 0 2 * * *.",
                                "Cron expression: '{0}' starts more than once a day; a nightly run starts at"
                                        + " most once a night, such as 0 0 2 * * *.",
                                cron));
            }
        }
    }

    private static RunRefused invalid(String field, Phrase message) {
        return new RunRefused(RunRefused.Kind.INVALID, field, message);
    }
}
