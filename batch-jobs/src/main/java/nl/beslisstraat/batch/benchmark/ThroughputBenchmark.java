package nl.beslisstraat.batch.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.batch.nightly.RunTrigger;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.engine.tenancy.MunicipalityDataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The throughput benchmark ({@code --benchmark=N}): in an empty database, queue N demo applications
 * of all four case types, then measure in this one process, on the same data, first the raw floor
 * ({@link RawFloor}: what PostgreSQL does with the queue when no rules run) and then the {@code
 * nightly-decisions} run with all its records; print both rates, their ratio, the peak heap and
 * the CPU time of this JVM and of the PostgreSQL server in each.
 *
 * <p>It refuses a database that holds any case: the run it measures decides every queued case.
 */
@Component
public class ThroughputBenchmark {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 30);

    private final DemoSeeder demo;
    private final NightlyRunLauncher launcher;
    private final JdbcTemplate jdbc;
    private final DataSource owner;

    ThroughputBenchmark(DemoSeeder demo, NightlyRunLauncher launcher, JdbcTemplate jdbc, DataSource dataSource) {
        this.demo = demo;
        this.launcher = launcher;
        this.jdbc = jdbc;
        this.owner = ((MunicipalityDataSource) dataSource).owner();
    }

    /** Runs the benchmark; returns the exit code: 0 when both parts decided all cases. */
    public int run(int cases) throws Exception {
        Long existing = new JdbcTemplate(owner).queryForObject("select count(*) from cases", Long.class);
        if (existing != null && existing > 0) {
            System.out.printf(
                    "--benchmark needs an empty database: this one holds %,d cases, which its run would decide.%n",
                    existing);
            return 2;
        }
        System.out.printf("Queueing %,d demo applications of all four case types...%n", cases);
        Municipality.run(Municipality.DEFAULT, () -> demo.seed(cases));
        RawFloor floor = new RawFloor(owner);
        floor.prepare();
        maintain("vacuum analyze cases");
        ServerCpu server = ServerCpu.of(owner);

        System.out.println("Raw floor: read, COPY a minimal decision, leave the queue; no rules...");
        Phase floorPhase = Phase.measure(server, floor::run);
        floor.cleanUp();
        maintain("checkpoint"); // the floor's dirty pages are not the run's to write

        System.out.println("nightly-decisions run with all its records...");
        Phase runPhase = Phase.measure(server, () -> {
            JobExecution execution = launcher.launch(null, RUN_DATE, "benchmark", RunTrigger.commandLine(), false);
            JobExecution ended = launcher.awaitEnd(execution, running -> {});
            if (ended.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("The run ended " + ended.getStatus());
            }
            return Municipality.call(
                    Municipality.DEFAULT,
                    () -> jdbc.queryForObject(
                            "select count(*) from decisions where run_id = ?",
                            Long.class,
                            ended.getJobInstance().getInstanceId()));
        });
        Records records = Municipality.call(Municipality.DEFAULT, this::records);
        report(cases, floorPhase, runPhase, records);
        return floorPhase.cases() == cases && runPhase.cases() == cases && records.queued() == 0 ? 0 : 1;
    }

    private void maintain(String command) {
        new JdbcTemplate(owner).execute(command);
    }

    private Records records() {
        return jdbc.queryForObject(
                "select (select count(*) from decisions), (select count(*) from audit_trail where action = 'CASE_DECIDED'),"
                        + " (select count(*) from review_tasks), (select count(*) from cases where status = 'QUEUED')",
                (row, n) -> new Records(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
    }

    private static void report(int cases, Phase floor, Phase run, Records records) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Throughput benchmark, %,d cases; %d cores; %s; JVM options: %s; max heap %,d MiB%n",
                cases,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| part | cases | wall | cases/s | JVM CPU | PostgreSQL CPU | peak heap used |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        floor.print("raw floor (no rules)");
        run.print("nightly-decisions run");
        System.out.printf(
                Locale.ROOT,
                "Ratio run / floor: %.2f (run %.1f s for %,d cases)%n",
                run.rate() / floor.rate(),
                run.wall().toMillis() / 1000.0,
                run.cases());
        System.out.printf(
                "Records: %,d decisions, %,d decision audit entries, %,d review tasks; %,d cases still queued%n",
                records.decisions(), records.audited(), records.reviewTasks(), records.queued());
    }

    private record Records(long decisions, long audited, long reviewTasks, long queued) {}

    /** One measured part: its wall time, cases, CPU of both processes and the heap it needed. */
    private record Phase(long cases, Duration wall, long jvmCpuMillis, OptionalLong serverCpuMillis, long peakHeap) {

        static Phase measure(ServerCpu server, Callable<Long> work) throws Exception {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            OptionalLong serverBefore = server.millis();
            long cpuBefore = jvmCpuNanos();
            long started = System.nanoTime();
            long cases = work.call();
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            long jvmCpu = (jvmCpuNanos() - cpuBefore) / 1_000_000;
            OptionalLong serverAfter = server.millis();
            long peak = heap.stream()
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            return new Phase(
                    cases,
                    wall,
                    jvmCpu,
                    serverBefore.isPresent() && serverAfter.isPresent()
                            ? OptionalLong.of(serverAfter.getAsLong() - serverBefore.getAsLong())
                            : OptionalLong.empty(),
                    peak);
        }

        double rate() {
            return cases / Math.max(wall.toNanos() / 1e9, 1e-9);
        }

        void print(String name) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %.1f s | %,.0f | %.1f s | %s | %,d MiB |%n",
                    name,
                    cases,
                    wall.toMillis() / 1000.0,
                    rate(),
                    jvmCpuMillis / 1000.0,
                    serverCpuMillis.isPresent()
                            ? String.format(Locale.ROOT, "%.1f s", serverCpuMillis.getAsLong() / 1000.0)
                            : "not on this machine",
                    peakHeap >> 20);
        }

        private static long jvmCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }
}
