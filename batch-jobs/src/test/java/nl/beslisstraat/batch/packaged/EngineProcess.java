package nl.beslisstraat.batch.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.beslisstraat.engine.support.TestDatabase;

/**
 * The web engine as it ships: its executable jar ({@code engine/target/*-exec.jar}, a jar of jars
 * with its own class loader), started with {@code java -jar} in a process of its own on a free
 * port and the test database. What only the packaged engine does (class loading from nested jars,
 * services found through a thread's class loader) shows here and nowhere on Maven's class path.
 */
public final class EngineProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private EngineProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the engine and waits until it answers its sign-in page.
     *
     * @param name names the engine's log, {@code target/<name>-engine.log}
     * @param options JVM options before {@code -jar}
     */
    public static EngineProcess start(String name, String... options) throws Exception {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("..", "engine", "target"))) {
            jar = built.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "engine/target/*-exec.jar is missing: build the engine first (./mvnw verify builds it)"));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target")).resolve(name + "-engine.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--beslisstraat.simulation.warm-up-cases=0"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        EngineProcess engine = new EngineProcess(process, port, log);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!engine.answers()) {
            assertThat(process.isAlive()).as("the engine process (see %s)", log).isTrue();
            assertThat(System.nanoTime()).as("the engine did not start in time").isLessThan(deadline);
            Thread.sleep(250);
        }
        return engine;
    }

    public int port() {
        return port;
    }

    /** What the engine wrote so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    private boolean answers() {
        try {
            HttpURLConnection login = (HttpURLConnection)
                    URI.create("http://localhost:" + port + "/login").toURL().openConnection();
            login.setConnectTimeout(500);
            return login.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
