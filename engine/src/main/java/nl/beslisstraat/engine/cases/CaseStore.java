package nl.beslisstraat.engine.cases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.beslisstraat.engine.database.BulkInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The cases table: enqueue, read the queue in id order, and move cases out of it. */
@Repository
public class CaseStore {

    private static final RowMapper<QueuedCase> QUEUED_CASE = CaseStore::queuedCase;
    private static final String STORED_COLUMNS = "id, case_type, reference_date, received_at, status, input::text";
    private static final RowMapper<StoredCase> STORED_CASE = (row, n) -> new StoredCase(
            row.getLong("id"),
            row.getString("case_type"),
            row.getObject("reference_date", LocalDate.class),
            row.getObject("received_at", OffsetDateTime.class),
            CaseStatus.valueOf(row.getString("status")),
            row.getString("input"));

    private final JdbcTemplate jdbc;

    public CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores an application as QUEUED and returns its case id. The signed-in client that sends it
     * is recorded with it ({@link SubmittingClient}), so that client, and no other, reads it back.
     */
    public long enqueue(CaseApplication application) {
        return enqueue(application, null);
    }

    /**
     * {@link #enqueue(CaseApplication)}, with the client's key for it ({@code Idempotency-Key}; null
     * for none). A key the client used before is refused by the database ({@code
     * DuplicateKeyException}): {@link #sentBefore} tells what was stored with it.
     */
    public long enqueue(CaseApplication application, String idempotencyKey) {
        return jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input, submitted_by, idempotency_key)"
                        + " values (?, ?, ?::jsonb, ?, ?) returning id",
                Long.class,
                application.caseType(),
                application.referenceDate(),
                application.input().toString(),
                SubmittingClient.current().orElse(null),
                idempotencyKey);
    }

    /** The case the signed-in client sent before with this key, and whether it was this application. */
    public Optional<SentBefore> sentBefore(String idempotencyKey, CaseApplication application) {
        return jdbc
                .query(
                        "select id, case_type = ? and reference_date = ? and input = ?::jsonb as same from cases"
                                + " where submitted_by = ? and idempotency_key = ?",
                        (row, n) -> new SentBefore(row.getLong("id"), row.getBoolean("same")),
                        application.caseType(),
                        application.referenceDate(),
                        application.input().toString(),
                        SubmittingClient.current().orElse(null),
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    /** A case stored under a client's key, and whether it holds the application sent again. */
    public record SentBefore(long id, boolean sameApplication) {}

    /**
     * An application to store, with the signed-in client that sent it, the status it is stored in
     * (QUEUED for the nightly run, or the status its decision, taken at once, gives it) and the
     * client's key for it (null for none).
     */
    public record Submission(
            CaseApplication application, Authentication client, CaseStatus status, String idempotencyKey) {

        public Submission(CaseApplication application, Authentication client, CaseStatus status) {
            this(application, client, status, null);
        }
    }

    /**
     * Stores applications in one statement, each with the client that sent it (as {@link #enqueue}
     * records the signed-in one) and its status, and returns them as stored, in the order given.
     * Only inside the caller's transaction: a case stored decided must commit with its decision.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StoredCase> storeAll(List<Submission> submissions) {
        // Each application gets its id before it goes in, so a stored row is matched to the request
        // it came from by its id, not by the order rows go in or come back, which nothing promises.
        List<Long> ids = jdbc.queryForList(
                "select nextval(pg_get_serial_sequence('cases', 'id')) from generate_series(1, ?)",
                Long.class,
                submissions.size());
        List<Numbered> rows = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            rows.add(new Numbered(ids.get(i), submissions.get(i)));
        }
        Map<Long, StoredCase> byId = new HashMap<>();
        BulkInsert.into(
                        jdbc.getDataSource(),
                        "cases",
                        List.of(
                                "id",
                                "case_type",
                                "reference_date",
                                "input",
                                "submitted_by",
                                "status",
                                "idempotency_key"),
                        rows,
                        row -> new Object[] {
                            row.id(),
                            row.submission().application().caseType(),
                            row.submission().application().referenceDate(),
                            row.submission().application().input(),
                            SubmittingClient.of(row.submission().client()).orElse(null),
                            row.submission().status().name(),
                            row.submission().idempotencyKey()
                        },
                        STORED_COLUMNS,
                        STORED_CASE)
                .forEach(storedCase -> byId.put(storedCase.id(), storedCase));
        return ids.stream().map(byId::get).toList();
    }

    private record Numbered(long id, Submission submission) {}

    /** Stores many applications as QUEUED in one round trip, for bulk intake and the demo. */
    public void enqueueAll(List<CaseApplication> applications) {
        jdbc.batchUpdate(
                "insert into cases (case_type, reference_date, input) values (?, ?, ?::jsonb)",
                applications,
                1000,
                (insert, application) -> {
                    insert.setString(1, application.caseType());
                    insert.setObject(2, application.referenceDate());
                    insert.setString(3, application.input().toString());
                });
    }

    /**
     * The next queued cases after {@code afterId}, in id order. Keyset paging: every call is a
     * short query of its own, so no transaction or cursor is held open across a night's run.
     */
    public List<QueuedCase> nextQueued(long afterId, int limit, QueueSlice slice) {
        return jdbc.query(
                "select id, case_type, reference_date, received_at, input::text from cases"
                        + " where status = 'QUEUED' and id > ? and id % ? = ? order by id limit ?",
                QUEUED_CASE, afterId, slice.of(), slice.index(), limit);
    }

    /**
     * Whether this client submitted the case. A case without a recorded client (older than the
     * record, or queued in bulk) belongs to no client, and one of another municipality is not seen.
     */
    public boolean submittedBy(long id, String client) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select from cases where id = ? and submitted_by = ?)", Boolean.class, id, client));
    }

    public Optional<StoredCase> find(long id) {
        return jdbc.query("select " + STORED_COLUMNS + " from cases where id = ?", STORED_CASE, id).stream()
                .findFirst();
    }

    /**
     * Moves queued cases to their new status, in one statement, and returns the ids that moved.
     * Only a case that is still QUEUED moves: a missing id means somebody else decided it first.
     */
    public Set<Long> leaveQueue(List<Long> caseIds, List<CaseStatus> statuses) {
        Long[] ids = caseIds.toArray(Long[]::new);
        String[] names = statuses.stream().map(CaseStatus::name).toArray(String[]::new);
        String[] queued =
                Collections.nCopies(ids.length, CaseStatus.QUEUED.name()).toArray(String[]::new);
        return new HashSet<>(jdbc.query(
                connection -> {
                    // The status a case must still have comes with each row, not as a constant: a
                    // constant lets the planner look the cases up in the partial queue indexes, which
                    // keep an entry for every case that left the queue until a vacuum removes it. Under
                    // decide-now load those are tens of thousands within minutes, and every batch read
                    // them all (27 ms a batch where the primary key takes 0.2 ms).
                    PreparedStatement update = connection.prepareStatement(
                            "update cases c set status = v.status, status_changed_at = now()"
                                    + " from unnest(?::bigint[], ?::text[], ?::text[]) as v(id, status, was)"
                                    + " where c.id = v.id and c.status = v.was returning c.id");
                    update.setArray(1, connection.createArrayOf("bigint", ids));
                    update.setArray(2, connection.createArrayOf("text", names));
                    update.setArray(3, connection.createArrayOf("text", queued));
                    return update;
                },
                (row, n) -> row.getLong(1)));
    }

    /** Moves one case from one status to another; false when it was not in {@code from}. */
    public boolean move(long id, CaseStatus from, CaseStatus to) {
        return jdbc.update(
                        "update cases set status = ?, status_changed_at = now() where id = ? and status = ?",
                        to.name(),
                        id,
                        from.name())
                == 1;
    }

    private static QueuedCase queuedCase(ResultSet row, int rowNumber) throws SQLException {
        return new QueuedCase(
                row.getLong("id"),
                row.getString("case_type"),
                row.getObject("reference_date", LocalDate.class),
                row.getObject("received_at", OffsetDateTime.class),
                row.getString("input"));
    }
}
