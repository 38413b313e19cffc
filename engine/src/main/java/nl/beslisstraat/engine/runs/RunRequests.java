package nl.beslisstraat.engine.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.regulation.Phrase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What schedulers ask of the night ({@code run_requests}, under row-level security): start a run
 * for a date, stop, restart or recover a run. The console checks a request before storing it, so a
 * scheduler hears at once what cannot be done; a manager process carries it out and checks again.
 * Every request is audited.
 */
@Repository
public class RunRequests {

    /** What may be asked. */
    public enum Action {
        START,
        STOP,
        RESTART,
        RECOVER
    }

    /** A request and, once a manager carried it out, what came of it ({@code outcome}, a code). */
    public record Request(
            long id,
            String action,
            LocalDate runDate,
            Long runId,
            String requestedBy,
            OffsetDateTime requestedAt,
            String takenBy,
            OffsetDateTime doneAt,
            Boolean succeeded,
            String outcome) {

        @JsonProperty
        public boolean pending() {
            return doneAt == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final RunHistory history;
    private final BatchLiveness liveness;
    private final AuditLog audit;
    private final JsonMapper json;

    RunRequests(JdbcTemplate jdbc, RunHistory history, BatchLiveness liveness, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.history = history;
        this.liveness = liveness;
        this.audit = audit;
        this.json = json;
    }

    /** Checks a start date: required, and today or earlier in Dutch time (a night not yet come is refused). */
    public static LocalDate checkedRunDate(LocalDate runDate) {
        if (runDate == null) {
            throw new RunRefused(
                    RunRefused.Kind.INVALID,
                    "runDate",
                    new Phrase("Rundatum: vul een datum in (jjjj-mm-dd).", "Run date: fill in a date (yyyy-mm-dd)."));
        }
        LocalDate today = LocalDate.now(PlannedStarts.AMSTERDAM);
        if (runDate.isAfter(today)) {
            throw new RunRefused(
                    RunRefused.Kind.INVALID,
                    "runDate",
                    Phrase.of(
                            "Rundatum: {0} ligt in de toekomst; kies vandaag ({1}) of eerder.",
                            "Run date: {0} lies in the future; choose today ({1}) or earlier.",
                            Phrase.date(runDate),
                            Phrase.date(today)));
        }
        return runDate;
    }

    /** Asks for a run for {@code runDate}. */
    @Transactional
    public Request start(LocalDate runDate, String user) {
        checkedRunDate(runDate);
        long id = jdbc.queryForObject(
                "insert into run_requests (action, run_date, requested_by) values ('START', ?, ?) returning id",
                Long.class,
                runDate,
                user);
        return audited(id, user);
    }

    /** Asks to stop, restart or recover a run of this municipality; refused when the run's state does not allow it. */
    @Transactional
    public Request act(long runId, Action action, String user) {
        if (action == Action.START) {
            throw new IllegalArgumentException("a start asks for a date, not a run");
        }
        RunHistory.Run run = history.find(runId)
                .orElseThrow(() -> new RunRefused(
                        RunRefused.Kind.NOT_FOUND,
                        "runId",
                        Phrase.of("Run {0} bestaat niet.", "Run {0} does not exist.", runId)));
        if (run.forAll()) {
            // It decides every municipality's queue: one municipality's scheduler may not stop or
            // restart the others' night. It is run (and restarted) from the command line.
            throw conflict(Phrase.of(
                    "Run {0} is een run van alle gemeenten; die wordt op de opdrachtregel beheerd.",
                    "Run {0} is a run of all municipalities; it is managed on the command line.", runId));
        }
        switch (action) {
            case STOP -> {
                if (!run.running()) {
                    throw conflict(Phrase.of(
                            "Run {0} loopt niet; alleen een lopende run kan worden gestopt.",
                            "Run {0} is not running; only a running run can be stopped.", runId));
                }
            }
            case RESTART -> {
                if (!run.restartable()) {
                    throw conflict(Phrase.of(
                            "Run {0} is niet mislukt of gestopt; alleen zo'n run kan opnieuw worden gestart.",
                            "Run {0} has not failed or been stopped; only such a run can be restarted.", runId));
                }
            }
            case RECOVER -> {
                if (!dead(run)) {
                    throw conflict(
                            run.running()
                                    ? Phrase.of(
                                            "Run {0} heeft een beheerproces dat nog leeft; herstellen kan pas als dat"
                                                    + " geen teken van leven meer geeft.",
                                            "Run {0} has a manager process that is still alive; it can be recovered"
                                                    + " only once that gives no sign of life any more.",
                                            runId)
                                    : Phrase.of(
                                            "Run {0} loopt niet; alleen een run die als lopend staat maar geen levend"
                                                    + " beheerproces heeft, kan worden hersteld.",
                                            "Run {0} is not running; only a run marked running without a living"
                                                    + " manager process can be recovered.",
                                            runId));
                }
            }
            default -> throw new IllegalStateException();
        }
        long id = jdbc.queryForObject(
                "insert into run_requests (action, run_id, requested_by) values (?, ?, ?) returning id",
                Long.class,
                action.name(),
                runId,
                user);
        return audited(id, user);
    }

    /** Whether the run is marked running while the process of its latest attempt is dead. */
    public boolean dead(RunHistory.Run run) {
        return run.running() && run.latestExecutionId() != null && liveness.deadFor(run.latestExecutionId());
    }

    /** The latest requests, newest first. */
    public List<Request> recent(int limit) {
        return jdbc.query(SELECT + " order by id desc limit ?", RunRequests::request, limit);
    }

    private static final String SELECT =
            "select id, action, run_date, run_id, requested_by, requested_at, taken_by, done_at, succeeded, outcome"
                    + " from run_requests";

    private static Request request(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Request(
                row.getLong("id"),
                row.getString("action"),
                row.getObject("run_date", LocalDate.class),
                (Long) row.getObject("run_id"),
                row.getString("requested_by"),
                row.getObject("requested_at", OffsetDateTime.class),
                row.getString("taken_by"),
                row.getObject("done_at", OffsetDateTime.class),
                (Boolean) row.getObject("succeeded"),
                row.getString("outcome"));
    }

    public boolean managerAlive() {
        return liveness.managerAlive();
    }

    private Request audited(long id, String user) {
        Request request = jdbc.queryForObject(SELECT + " where id = ?", RunRequests::request, id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", request.action());
        if (request.runDate() != null) {
            details.put("runDate", request.runDate().toString());
        }
        if (request.runId() != null) {
            details.put("runId", request.runId());
        }
        audit.appendAll(List.of(new AuditEntry(
                user, "RUN_REQUESTED", "run_request", Long.toString(id), json.writeValueAsString(details))));
        return request;
    }

    private static RunRefused conflict(Phrase message) {
        return new RunRefused(RunRefused.Kind.CONFLICT, "runId", message);
    }
}
