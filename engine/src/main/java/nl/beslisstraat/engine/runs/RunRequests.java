package nl.beslisstraat.engine.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
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
            throw new RunRefused(RunRefused.Kind.INVALID, "runDate", "Rundatum: vul een datum in (jjjj-mm-dd).");
        }
        LocalDate today = LocalDate.now(PlannedStarts.AMSTERDAM);
        if (runDate.isAfter(today)) {
            throw new RunRefused(
                    RunRefused.Kind.INVALID,
                    "runDate",
                    "Rundatum: " + runDate + " ligt in de toekomst; kies vandaag (" + today + ") of eerder.");
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
                .orElseThrow(
                        () -> new RunRefused(RunRefused.Kind.NOT_FOUND, "runId", "Run " + runId + " bestaat niet."));
        if (run.forAll()) {
            // It decides every municipality's queue: one municipality's scheduler may not stop or
            // restart the others' night. It is run (and restarted) from the command line.
            throw conflict("Run " + runId + " is een run van alle gemeenten; die wordt op de opdrachtregel beheerd.");
        }
        switch (action) {
            case STOP -> {
                if (!run.running()) {
                    throw conflict("Run " + runId + " loopt niet; alleen een lopende run kan worden gestopt.");
                }
            }
            case RESTART -> {
                if (!run.restartable()) {
                    throw conflict("Run " + runId
                            + " is niet mislukt of gestopt; alleen zo'n run kan opnieuw worden gestart.");
                }
            }
            case RECOVER -> {
                if (!dead(run)) {
                    throw conflict(
                            "Run " + runId
                                    + (run.running()
                                            ? " heeft een beheerproces dat nog leeft; herstellen kan pas als dat geen teken van leven meer geeft."
                                            : " loopt niet; alleen een run die als lopend staat maar geen levend beheerproces heeft, kan worden hersteld."));
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

    private static RunRefused conflict(String message) {
        return new RunRefused(RunRefused.Kind.CONFLICT, "runId", message);
    }
}
