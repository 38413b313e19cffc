package nl.beslisstraat.engine.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * How the application's own connections log in: as the runtime role ({@code
 * beslisstraat.database.runtime.username}, default {@code beslisstraat_runtime}, which V17 creates
 * when it may), to the database of {@code spring.datasource.url} unless {@code
 * beslisstraat.database.runtime.url} names another address. The configured data source stays the
 * schema owner's, for the migrations only.
 *
 * @param url the runtime pool's JDBC URL, or {@code null} for the configured one without its
 *     credentials
 * @param password {@code null} where the server lets the role in without one (the embedded server,
 *     a CI server with {@code trust} on loopback)
 */
record RuntimeLogin(String url, String username, String password) {

    static final String PREFIX = "beslisstraat.database.runtime.";
    static final String DEFAULT_USERNAME = "beslisstraat_runtime";

    static RuntimeLogin from(Environment environment) {
        return new RuntimeLogin(
                blankToNull(environment.getProperty(PREFIX + "url")),
                environment.getProperty(PREFIX + "username", DEFAULT_USERNAME),
                blankToNull(environment.getProperty(PREFIX + "password")));
    }

    /**
     * A pool with the owner's settings (size, timeouts, driver properties) that logs in as the
     * runtime role. Not started: the role may not exist until the migrations, which run on the
     * owner's pool, have created it.
     */
    HikariDataSource pool(HikariDataSource owner) {
        String ownerUrl = owner.getJdbcUrl();
        if (url == null && ownerUrl == null) {
            throw new IllegalStateException(
                    "The data source has no JDBC URL to derive the runtime login's from;" + " set " + PREFIX + "url");
        }
        Properties driverProperties = owner.getDataSourceProperties();
        if (driverProperties.containsKey("user") || driverProperties.containsKey("password")) {
            // the copy below shares these properties with the owner's pool, and they would win
            throw new IllegalStateException("Give the schema owner's credentials in spring.datasource.url,"
                    + " spring.datasource.username and spring.datasource.password, not as driver properties");
        }
        HikariDataSource runtime = new HikariDataSource();
        owner.copyStateTo(runtime);
        // pgjdbc lets a user or password in the URL win over the pool's, so they must go
        runtime.setJdbcUrl(url != null ? url : withoutCredentials(ownerUrl));
        runtime.setDataSource(null);
        runtime.setDataSourceClassName(null);
        runtime.setCredentialsProvider(null);
        runtime.setCredentialsProviderClassName(null);
        runtime.setUsername(username);
        runtime.setPassword(password);
        runtime.setPoolName((owner.getPoolName() != null ? owner.getPoolName() : "beslisstraat") + "-runtime");
        return runtime;
    }

    /**
     * The owner's pool, which only the migrations use at start-up: it lets its connections go when
     * idle instead of holding them open beside the runtime pool for the life of the process.
     */
    static HikariDataSource forMigrations(HikariDataSource owner) {
        owner.setMinimumIdle(0);
        owner.setIdleTimeout(10_000);
        return owner;
    }

    /** {@code url} without its {@code user} and {@code password} parameters. */
    static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .filter(parameter -> {
                    String name = parameter.split("=", 2)[0];
                    return !name.equals("user") && !name.equals("password");
                })
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? url.substring(0, query) : url.substring(0, query + 1) + kept;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "RuntimeLogin[url=" + url + ", username=" + username + "]"; // never the password
    }
}
