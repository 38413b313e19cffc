package nl.beslisstraat.engine.runs;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current municipality's nightly schedule (one row of {@code nightly_schedules}, under
 * row-level security). No row means no scheduled runs. Every change is audited with the old and
 * the new value.
 *
 * <p>When the expression changes, or a paused schedule resumes, {@code last_planned_start} is set
 * to now: a manager fires only starts after it, so it never makes up a start the old (or paused)
 * schedule missed.
 */
@Repository
public class RunSchedule {

    /** How many planned starts the console shows. */
    public static final int SHOWN_STARTS = 5;

    /** The stored schedule. */
    public record Schedule(String cron, boolean paused, String changedBy, OffsetDateTime changedAt) {}

    /** The schedule with its next planned starts (none while paused or without a schedule). */
    public record View(Schedule schedule, List<ZonedDateTime> plannedStarts) {}

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final JsonMapper json;

    RunSchedule(JdbcTemplate jdbc, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    public Optional<Schedule> current() {
        return jdbc
                .query("select cron, paused, changed_by, changed_at from nightly_schedules", RunSchedule::schedule)
                .stream()
                .findFirst();
    }

    public View view() {
        Optional<Schedule> schedule = current();
        List<ZonedDateTime> starts = schedule.filter(s -> !s.paused())
                .map(s -> PlannedStarts.after(
                        CronExpression.parse(s.cron()), ZonedDateTime.now(PlannedStarts.AMSTERDAM), SHOWN_STARTS))
                .orElse(List.of());
        return new View(schedule.orElse(null), starts);
    }

    /** Stores the schedule the form asks for, or refuses it (nothing stored) naming the field. */
    @Transactional
    public Schedule save(ScheduleForm form, String user) {
        Optional<Schedule> before = locked();
        String cron = form.cron() == null && form.days() == null && form.time() == null && before.isPresent()
                ? before.get().cron() // only pausing or resuming
                : form.toCron();
        boolean paused = form.paused() != null
                ? form.paused()
                : before.map(Schedule::paused).orElse(false);
        return store(before, cron, paused, user);
    }

    /** Pauses or resumes the schedule; refused when there is none. */
    @Transactional
    public Schedule pause(boolean paused, String user) {
        Optional<Schedule> before = locked();
        if (before.isEmpty()) {
            throw new RunRefused(
                    RunRefused.Kind.NOT_FOUND,
                    "paused",
                    new Phrase(
                            "Er is geen schema ingesteld; stel eerst een tijd in.",
                            "No schedule is set; first set a time."));
        }
        return store(before, before.get().cron(), paused, user);
    }

    private Optional<Schedule> locked() {
        return jdbc
                .query(
                        "select cron, paused, changed_by, changed_at from nightly_schedules for update",
                        RunSchedule::schedule)
                .stream()
                .findFirst();
    }

    private Schedule store(Optional<Schedule> before, String cron, boolean paused, String user) {
        jdbc.update(
                "insert into nightly_schedules (cron, paused, changed_by, last_planned_start) values (?, ?, ?, now())"
                        + " on conflict (municipality) do update set cron = excluded.cron, paused = excluded.paused,"
                        + " changed_by = excluded.changed_by, changed_at = now(),"
                        + " last_planned_start = case when nightly_schedules.cron <> excluded.cron"
                        + " or (nightly_schedules.paused and not excluded.paused) then now()"
                        + " else nightly_schedules.last_planned_start end",
                cron,
                paused,
                user);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("old", before.map(RunSchedule::values).orElse(null));
        details.put("new", values(new Schedule(cron, paused, user, null)));
        audit.appendAll(List.of(new AuditEntry(
                user,
                "RUN_SCHEDULE_CHANGED",
                "nightly_schedule",
                Municipality.current().orElse(null),
                json.writeValueAsString(details))));
        return current().orElseThrow();
    }

    private static Schedule schedule(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Schedule(
                row.getString("cron"),
                row.getBoolean("paused"),
                row.getString("changed_by"),
                row.getObject("changed_at", OffsetDateTime.class));
    }

    private static Map<String, Object> values(Schedule schedule) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cron", schedule.cron());
        values.put("paused", schedule.paused());
        return values;
    }
}
