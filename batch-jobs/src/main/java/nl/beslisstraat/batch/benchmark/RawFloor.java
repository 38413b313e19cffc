package nl.beslisstraat.batch.benchmark;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * What the database does with the queue when no rules run: the least a nightly run can cost. On a
 * copy of the queued cases, in two slices at once (as the run's two workers), each slice reads a
 * page of 1,000 queued cases by id (keyset), copies one minimal decision row per case with COPY,
 * moves the page out of the queue with one set-based update, and commits.
 *
 * <p>The copy has the queue's columns and indexes but no row-level security, no triggers and no
 * foreign keys: it is the floor, not a second product.
 */
final class RawFloor {

    static final int PAGE = 1000;
    private static final int SLICES = 2;

    private final DataSource owner;

    RawFloor(DataSource owner) {
        this.owner = owner;
    }

    /** Copies the queue into the floor's tables; not part of what is timed. */
    void prepare() throws SQLException {
        try (Connection connection = owner.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            drop(statement);
            statement.execute("create table floor_cases (like cases including defaults including indexes)");
            statement.execute("insert into floor_cases overriding system value select * from cases");
            statement.execute(
                    "create table floor_decisions (id bigint generated always as identity primary key,"
                            + " case_id bigint not null, outcome text not null, decided_at timestamptz not null default now())");
            statement.execute("vacuum analyze floor_cases");
        }
    }

    /** Decides nothing and records the least; returns the number of cases that left the queue. */
    long run() throws Exception {
        ExecutorService slices = Executors.newFixedThreadPool(SLICES);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int slice = 0; slice < SLICES; slice++) {
                int index = slice;
                done.add(slices.submit(() -> slice(index)));
            }
            long total = 0;
            for (Future<Long> slice : done) {
                total += slice.get();
            }
            return total;
        } finally {
            slices.shutdownNow();
        }
    }

    void cleanUp() throws SQLException {
        try (Connection connection = owner.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            drop(statement);
        }
    }

    private static void drop(Statement statement) throws SQLException {
        statement.execute("drop table if exists floor_cases, floor_decisions");
    }

    private long slice(int index) throws Exception {
        long moved = 0;
        long lastId = 0;
        try (Connection connection = owner.getConnection();
                PreparedStatement read = connection.prepareStatement(
                        "select id, case_type, reference_date, received_at, input::text from floor_cases"
                                + " where status = 'QUEUED' and id > ? and id % ? = ? order by id limit ?");
                PreparedStatement leave = connection.prepareStatement(
                        "update floor_cases set status = 'DECIDED', status_changed_at = now()"
                                + " where id = any (?) and status = 'QUEUED'")) {
            connection.setAutoCommit(false);
            while (true) {
                read.setLong(1, lastId);
                read.setInt(2, SLICES);
                read.setInt(3, index);
                read.setInt(4, PAGE);
                List<Long> ids = new ArrayList<>(PAGE);
                StringBuilder copy = new StringBuilder(PAGE * 16);
                try (ResultSet page = read.executeQuery()) {
                    while (page.next()) {
                        long id = page.getLong(1);
                        // read like the run reads, so the floor pays for the same bytes
                        page.getString(2);
                        page.getDate(3);
                        page.getTimestamp(4);
                        page.getString(5);
                        ids.add(id);
                        copy.append(id).append("\tGRANTED\n");
                    }
                }
                if (ids.isEmpty()) {
                    connection.commit();
                    return moved;
                }
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY floor_decisions (case_id, outcome) FROM STDIN",
                                new StringReader(copy.toString()));
                leave.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                moved += leave.executeUpdate();
                connection.commit();
                lastId = ids.get(ids.size() - 1);
            }
        }
    }
}
