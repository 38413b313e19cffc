package nl.beslisstraat.engine.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Inserts many rows in one statement, inside the caller's transaction: each column's values travel
 * as one text array, and {@code insert ... select from unnest(...)} turns them into rows, converted
 * to the column's own type by the server. A nightly run writes hundreds of thousands of decisions
 * and audit entries; one statement per thousand rows costs the server a fraction of one per row.
 *
 * <p>Not COPY: PostgreSQL refuses COPY FROM into a table under row-level security, which the case
 * data is. Not COPY into a temporary table either: creating and dropping one per batch cost the
 * server more than the rows themselves. The insert is checked by the table's policy and fills the
 * defaults (id, time, the connection's municipality) like any other.
 */
public final class BulkInsert {

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    /** Per table, its columns as the catalog describes them; a process works in one schema. */
    private static final Map<String, Map<String, Column>> COLUMNS = new ConcurrentHashMap<>();

    /**
     * A column's SQL type, as the catalog names it, and whether the table always generates its
     * value itself (an identity column) unless an insert overrides that.
     */
    private record Column(String type, boolean generatedAlways) {}

    private BulkInsert() {}

    /**
     * Inserts one row per item into {@code table (columns)}; {@code row} gives the values of an item
     * in column order (null for SQL NULL), each written as its {@code toString()}, the text form the
     * column's type reads (JSON for jsonb, ISO dates, "t"/"f").
     *
     * <p>A value given for an identity column the table generates itself is taken as given
     * ({@code overriding system value}): the caller reserved it from the table's sequence.
     *
     * @param table and {@code columns} are names from the code, never input
     */
    public static <T> void into(
            DataSource dataSource, String table, List<String> columns, List<T> items, Function<T, Object[]> row) {
        into(dataSource, table, columns, items, row, null, null);
    }

    /**
     * As {@link #into(DataSource, String, List, List, Function)}, and returns what the database made
     * of each row ({@code returning}, names from the code, read by {@code mapper}), in no particular
     * order: ids and defaults the caller would otherwise have to read back.
     */
    public static <T, R> List<R> into(
            DataSource dataSource,
            String table,
            List<String> columns,
            List<T> items,
            Function<T, Object[]> row,
            String returning,
            RowMapper<R> mapper) {
        if (items.isEmpty()) {
            return List.of();
        }
        String[][] values = new String[columns.size()][items.size()];
        for (int r = 0; r < items.size(); r++) {
            Object[] fields = row.apply(items.get(r));
            for (int c = 0; c < fields.length; c++) {
                values[c][r] = fields[c] == null ? null : fields[c].toString();
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Map<String, Column> types = COLUMNS.computeIfAbsent(table, name -> columns(connection, name));
            String insert = statement(table, columns, types) + (returning == null ? "" : " returning " + returning);
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                // a transaction with a time limit (decide-now's) holds its statements to it
                DataSourceUtils.applyTransactionTimeout(statement, dataSource);
                for (int c = 0; c < columns.size(); c++) {
                    Array array = connection.createArrayOf("text", values[c]);
                    statement.setArray(c + 1, array);
                }
                if (returning == null) {
                    statement.executeUpdate();
                    return List.of();
                }
                List<R> made = new ArrayList<>(items.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        made.add(mapper.mapRow(rows, made.size()));
                    }
                }
                return made;
            }
        } catch (SQLException e) {
            // Translated like JdbcTemplate does, so a refused row reads as a data integrity error
            // and a lost connection as a resource failure.
            DataAccessException translated = TRANSLATOR.translate("insert into " + table, null, e);
            // a state the translator does not know (a trigger's raise_exception) is no reason to
            // lose the database's message in a NullPointerException
            throw translated != null ? translated : new UncategorizedSQLException("insert into " + table, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String statement(String table, List<String> columns, Map<String, Column> types) {
        String names = String.join(", ", columns);
        boolean overriding = false;
        StringBuilder converted = new StringBuilder();
        for (String column : columns) {
            Column described = types.get(column);
            if (described == null) {
                throw new IllegalArgumentException(table + " has no column " + column);
            }
            overriding |= described.generatedAlways();
            String separator = converted.isEmpty() ? "" : ", ";
            converted.append(separator).append("v.").append(column).append("::").append(described.type());
        }
        String arrays = columns.stream().map(column -> "?::text[]").collect(Collectors.joining(", "));
        return "insert into " + table + " (" + names + ")" + (overriding ? " overriding system value" : "") + " select "
                + converted + " from unnest(" + arrays + ") as v(" + names + ")";
    }

    private static Map<String, Column> columns(Connection connection, String table) {
        try (PreparedStatement query = connection.prepareStatement(
                "select attname, format_type(atttypid, atttypmod), attidentity = 'a' from pg_attribute"
                        + " where attrelid = to_regclass(?) and attnum > 0 and not attisdropped")) {
            query.setString(1, table);
            Map<String, Column> types = new LinkedHashMap<>();
            try (ResultSet columns = query.executeQuery()) {
                while (columns.next()) {
                    types.put(columns.getString(1), new Column(columns.getString(2), columns.getBoolean(3)));
                }
            }
            if (types.isEmpty()) {
                throw new IllegalArgumentException("No table " + table);
            }
            return Map.copyOf(types);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("columns of " + table, null, e);
        }
    }
}
