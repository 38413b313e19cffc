package nl.beslisstraat.engine.database;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Bulk insert with PostgreSQL's COPY, inside the caller's transaction. A nightly run writes
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
        try (Reader reader = new StringReader(text.toString())) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", reader);
        } catch (SQLException e) {
            // Translated like JdbcTemplate does, so a refused row reads as a data integrity error
            // and a lost connection as a resource failure.
            throw TRANSLATOR.translate("COPY into " + table, null, e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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
