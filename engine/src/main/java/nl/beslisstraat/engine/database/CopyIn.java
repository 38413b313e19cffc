package nl.beslisstraat.engine.database;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Bulk insert with PostgreSQL's COPY, inside the caller's transaction (or one of its own). A nightly run writes
 * hundreds of thousands of decisions and audit entries; COPY costs the server a fraction of what
 * one INSERT per row costs, and that server time is what bounds a run.
 */
public final class CopyIn {

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private CopyIn() {}

    /**
     * Copies one row per item into {@code table (columns)}; {@code row} gives the values of an
     * item in column order (null for SQL NULL).
     */
    public static <T> void copy(
            DataSource dataSource, String table, String columns, List<T> items, Function<T, Object[]> row) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(items.size() * 512);
        for (T item : items) {
            Object[] values = row.apply(item);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendValue(text, values[i]);
            }
            text.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false); // the staging table lives for one transaction
            }
            try {
                copyThroughStaging(connection, table, columns, text.toString());
                if (ownTransaction) {
                    connection.commit();
                }
            } catch (SQLException | IOException | RuntimeException e) {
                if (ownTransaction) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            // Translated like JdbcTemplate does, so a refused row reads as a data integrity error
            // and a lost connection as a resource failure.
            DataAccessException translated = TRANSLATOR.translate("COPY into " + table, null, e);
            // a state the translator does not know (a trigger's raise_exception) is no reason to
            // lose the database's message in a NullPointerException
            throw translated != null ? translated : new UncategorizedSQLException("COPY into " + table, null, e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * PostgreSQL refuses COPY FROM into a table under row-level security, and the case data is
     * (V14). So the rows are copied into a temporary table of just these columns (no policy, no
     * constraints), then inserted from there in one statement, which the policy checks and which
     * fills the defaults (id, time, the connection's municipality). Still one round trip of data
     * and one statement, instead of one per row.
     */
    private static void copyThroughStaging(Connection connection, String table, String columns, String text)
            throws SQLException, IOException {
        String staging = "copy_in_" + table;
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temp table " + staging + " on commit drop as select " + columns + " from " + table
                    + " with no data");
            try (Reader reader = new StringReader(text)) {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + staging + " (" + columns + ") FROM STDIN", reader);
            }
            statement.execute("insert into " + table + " (" + columns + ") select " + columns + " from " + staging);
            statement.execute("drop table " + staging); // a second copy in this transaction makes its own
        }
    }

    private static boolean needsEscaping(String string) {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** COPY text format: \N is NULL; backslash, tab, newline and carriage return are escaped. */
    static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String string = value.toString();
        if (!needsEscaping(string)) {
            text.append(string); // the common case, and far cheaper than a character at a time
            return;
        }
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
