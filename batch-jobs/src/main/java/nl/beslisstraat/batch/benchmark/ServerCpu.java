package nl.beslisstraat.batch.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The CPU time the PostgreSQL server has used, read from {@code /proc} when the server runs on
 * this machine: its postmaster's own and reaped children's time plus the time of every live
 * process it started (backends, WAL writer, checkpointer, autovacuum). A backend that ends between
 * two readings moves its time from the second sum to the first, so the difference is what the
 * server did in between, whoever did it.
 */
final class ServerCpu {

    /** Linux's clock tick for {@code /proc/<pid>/stat}: {@code getconf CLK_TCK}, 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server behind this data source, when this machine can see its processes. */
    static ServerCpu of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
            backend.next();
            long[] stat = stat(backend.getLong(1));
            return stat == null ? new ServerCpu(-1) : new ServerCpu(stat[PARENT]);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ask the database for its process: " + e.getMessage(), e);
        }
    }

    /** Milliseconds of CPU used by the server so far, or empty when its processes are not on this machine. */
    OptionalLong millis() {
        if (postmaster < 0) {
            return OptionalLong.empty();
        }
        long[] own = stat(postmaster);
        if (own == null) {
            return OptionalLong.empty();
        }
        long ticks = own[USER] + own[SYSTEM] + own[CHILDREN_USER] + own[CHILDREN_SYSTEM];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks += processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(path -> stat(Long.parseLong(path.getFileName().toString())))
                    .filter(stat -> stat != null && stat[PARENT] == postmaster)
                    .mapToLong(stat -> stat[USER] + stat[SYSTEM])
                    .sum();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(ticks * 1000 / TICKS_PER_SECOND));
    }

    private static final int PARENT = 0;
    private static final int USER = 1;
    private static final int SYSTEM = 2;
    private static final int CHILDREN_USER = 3;
    private static final int CHILDREN_SYSTEM = 4;

    /**
     * Parent, user, system, children's user and system time of a process, or null when it is gone
     * or not visible. The command name in parentheses may hold spaces, so fields count from after it.
     */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        return new long[] {
            Long.parseLong(fields[1]),
            Long.parseLong(fields[11]),
            Long.parseLong(fields[12]),
            Long.parseLong(fields[13]),
            Long.parseLong(fields[14])
        };
    }
}
