package nl.beslisstraat.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import nl.beslisstraat.batch.accounts.FirstPlatformAdministrator;
import nl.beslisstraat.batch.benchmark.ThroughputBenchmark;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.batch.manager.Manager;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.batch.nightly.NightlyRuns;
import nl.beslisstraat.batch.nightly.ProgressReport;
import nl.beslisstraat.batch.nightly.RunStillMarkedRunning;
import nl.beslisstraat.batch.nightly.RunSummary;
import nl.beslisstraat.batch.nightly.RunTrigger;
import nl.beslisstraat.batch.recompute.RecomputeCommand;
import nl.beslisstraat.batch.simulate.SimulateCommand;
import nl.beslisstraat.batch.verify.VerifyChainCommand;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The command line of the batch jar.
 *
 * <pre>
 * java -jar beslisstraat-batch.jar [--run-date=2026-11-30] [--municipality=0193] [--recover] [--demo=10000]
 * java -jar beslisstraat-batch.jar --manager
 * java -jar beslisstraat-batch.jar --recompute [--run-id=12]
 * java -jar beslisstraat-batch.jar --verify-audit-chain [--chain-heads=chain-heads-2026-11-30.txt] [--municipality=0344]
 * java -jar beslisstraat-batch.jar --simulate=table.xlsx --case-type=PARKING_PERMIT [--last=100000]
 * java -jar beslisstraat-batch.jar --simulate-norms=norms.csv [--last=100000]
 * java -jar beslisstraat-batch.jar --worker --beslisstraat.nightly.partitions.channel=postgres
 * java -jar beslisstraat-batch.jar --benchmark=1000000
 * java -jar beslisstraat-batch.jar --create-platform-admin=beheer-anna --person-id=100712 --display-name='Anna de Wit'
 * </pre>
 *
 * <ul>
 *   <li>{@code --run-date}: the night to run (default: today in the Netherlands); one run per date.
 *   <li>{@code --municipality}: CBS code of the one municipality whose queue the run takes, for a
 *       municipality with a schedule of its own: its run of a date is a run of its own, restarted
 *       and recovered apart from the others' (default: every municipality's queue in one run). The
 *       demo, recomputation and simulations work for it too (default: {@link Municipality#DEFAULT}).
 *       An unknown code is refused before anything is done (exit code 2).
 *   <li>{@code --recover}: the last run for that date was killed; mark it failed and finish it. A
 *       run whose process stopped writing its heartbeat is recovered without it; this option is for
 *       a run started by a version that wrote no heartbeat.
 *   <li>{@code --manager}: instead of one run, keep running: start each municipality's runs on its
 *       schedule and carry out what schedulers ask in the console (see {@link Manager}).
 *   <li>{@code --demo=N}: first queue N synthetic applications, then run ({@code --queue-only}: queue
 *       them and stop, for a run started from the console).
 *   <li>{@code --recompute}: recompute stored decisions instead of running (see {@link
 *       RecomputeCommand}).
 *   <li>{@code --verify-audit-chain}: verify the hash chains of every municipality (or the one
 *       named), against the heads in {@code --chain-heads} when given (see {@link
 *       VerifyChainCommand}); exit code 0 when they hold, 1 when one does not.
 *   <li>{@code --worker}: decide partitions of runs started by other processes until SIGTERM (see
 *       {@code nl.beslisstraat.batch.partitions.WorkerMode}).
 *   <li>{@code --benchmark=N}: in an empty database, queue N demo applications and measure the raw
 *       floor of the database and the nightly run on them side by side (see {@link
 *       ThroughputBenchmark}).
 *   <li>{@code --create-platform-admin=username --person-id=... --display-name=...}: create a platform
 *       administrator and print its password once, instead of running (see {@link
 *       FirstPlatformAdministrator}); exit code 2 when refused.
 * </ul>
 *
 * It prints the run's summary, throughput and peak heap, and exits 0 when the run completed.
 */
@Component
@ConditionalOnProperty(name = "beslisstraat.command-line.enabled", havingValue = "true", matchIfMissing = true)
class NightlyRunCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String RECOMPUTE = "recompute";
    static final String WORKER = "worker";

    private final NightlyRunLauncher launcher;
    private final NightlyRuns runs;
    private final ProgressReport progress;
    private final Manager manager;
    private final DemoSeeder demo;
    private final RecomputeCommand recompute;
    private final SimulateCommand simulate;
    private final VerifyChainCommand verifyChain;
    private final ThroughputBenchmark benchmark;
    private final FirstPlatformAdministrator platformAdministrator;
    private int exitCode;

    NightlyRunCommand(
            NightlyRunLauncher launcher,
            NightlyRuns runs,
            ProgressReport progress,
            Manager manager,
            DemoSeeder demo,
            RecomputeCommand recompute,
            SimulateCommand simulate,
            VerifyChainCommand verifyChain,
            ThroughputBenchmark benchmark,
            FirstPlatformAdministrator platformAdministrator) {
        this.launcher = launcher;
        this.runs = runs;
        this.progress = progress;
        this.manager = manager;
        this.demo = demo;
        this.recompute = recompute;
        this.simulate = simulate;
        this.verifyChain = verifyChain;
        this.benchmark = benchmark;
        this.platformAdministrator = platformAdministrator;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (args.containsOption(WORKER)) {
            return; // a worker process runs partitions of runs started elsewhere (partitions.WorkerMode)
        }
        Optional<String> municipality = option(args, "municipality");
        try {
            launcher.check(municipality.orElse(null));
        } catch (InvalidJobParametersException unknown) {
            System.out.println("--municipality: " + unknown.getMessage());
            exitCode = 2;
            return;
        }
        // The demo, recomputation and simulations work for the named or the default municipality;
        // the nightly run itself works in partitions, each for its own municipality.
        Municipality.call(municipality.orElse(Municipality.DEFAULT), () -> {
            command(args, municipality.orElse(null));
            return null;
        });
    }

    private void command(ApplicationArguments args, String municipality) throws Exception {
        if (args.containsOption("create-platform-admin")) {
            exitCode = platformAdministrator.create(
                    option(args, "create-platform-admin").orElse(null),
                    option(args, "person-id").orElse(null),
                    option(args, "display-name").orElse(null),
                    System.out);
            return;
        }
        if (args.containsOption("manager")) {
            manager.serveUntilShutdown();
            return;
        }
        if (args.containsOption("simulate-norms")) {
            exitCode = simulate.runNorms(
                    Path.of(option(args, "simulate-norms").orElseThrow()),
                    option(args, "last").map(Integer::valueOf).orElse(null));
            return;
        }
        if (args.containsOption("simulate")) {
            exitCode = simulate.run(
                    Path.of(option(args, "simulate").orElseThrow()),
                    option(args, "case-type").orElse("PARKING_PERMIT"),
                    option(args, "last").map(Integer::valueOf).orElse(null));
            return;
        }
        if (args.containsOption("verify-audit-chain")) {
            exitCode = verifyChain.run(
                    municipality, option(args, "chain-heads").map(Path::of).orElse(null));
            return;
        }
        if (args.containsOption("benchmark")) {
            String cases = option(args, "benchmark").orElse("");
            if (!cases.matches("[1-9][0-9]{0,8}")) {
                System.out.println("--benchmark: '" + cases + "' is not a number of cases such as 1000000");
                exitCode = 2;
                return;
            }
            exitCode = benchmark.run(Integer.parseInt(cases));
            return;
        }
        if (args.containsOption(RECOMPUTE)) {
            exitCode = recompute.run(option(args, "run-id").map(Long::valueOf).orElse(null));
            return;
        }
        Optional<LocalDate> requestedDate;
        try {
            requestedDate = option(args, "run-date").map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            System.out.println("--run-date: '" + e.getParsedString() + "' is not a date such as 2026-11-30");
            exitCode = 2;
            return;
        }
        LocalDate runDate = requestedDate.orElse(LocalDate.now(DecisionDeadline.NETHERLANDS));
        int demoCases = option(args, "demo").map(Integer::parseInt).orElse(0);
        // Each demo is a run of its own, unless the operator named the date to (re)run.
        if (demoCases > 0 && args.containsOption("queue-only")) {
            // A queue for a run someone starts elsewhere: the console, a manager, workers.
            System.out.printf("Queueing %,d demo applications...%n", demoCases);
            demo.seed(demoCases);
            System.out.printf("Queued %,d applications; nothing was run.%n", demoCases);
            return;
        }
        String label = demoCases > 0 && requestedDate.isEmpty() ? "demo-" + System.currentTimeMillis() : null;
        if (demoCases > 0) {
            // Zwolle's officers need their accounts to adopt its choices (four eyes) before the night
            demo.createUsers();
            demo.adoptZwolleChoices();
            System.out.printf("Queueing %,d demo applications...%n", demoCases);
            demo.seed(demoCases);
            if (municipality == null) {
                int zwolle = Math.max(1, demoCases / 10);
                System.out.printf("Queueing %,d of today's applications in Zwolle...%n", zwolle);
                demo.seedZwolleToday(zwolle);
            }
        }
        resetPeakHeap();
        LocalDateTime launched = LocalDateTime.now();
        long started = System.nanoTime();
        JobExecution ended;
        try {
            JobExecution launchedNow = launcher.launch(
                    municipality, runDate, label, RunTrigger.commandLine(), args.containsOption("recover"));
            if (launchedNow.isRunning()) {
                System.out.printf(
                        "Nightly run %s (run %d) started%n",
                        runDate, launchedNow.getJobInstance().getInstanceId());
            }
            ended = launcher.awaitEnd(launchedNow, progress.every(System.out::println));
        } catch (RunStillMarkedRunning stillRunning) {
            System.out.println(stillRunning.getMessage());
            exitCode = 1;
            return;
        }
        JobExecution execution = ended;
        double seconds = (System.nanoTime() - started) / 1e9;
        RunSummary summary = runs.find(execution.getJobInstance().getInstanceId())
                .orElseGet(() -> runs.summarise(
                        execution.getJobInstance().getInstanceId(),
                        execution.getStatus().name()));
        System.out.println();
        System.out.print(summary.report());
        long decided = summary.total().read();
        if (execution.getCreateTime().isBefore(launched)) {
            System.out.println("This run had completed already; nothing was decided now.");
        } else
            System.out.printf(
                    "Throughput: %,d cases in %.1f s = %,.0f cases/s; peak heap used %,d MiB (max heap %,d MiB)%n",
                    decided,
                    seconds,
                    decided / Math.max(seconds, 1e-9),
                    peakHeapBytes() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        if (demoCases > 0) {
            System.out.println();
            demo.printUsers();
            demo.printWhatToLookAtNext();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private static Optional<String> option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of each heap pool's peak: an upper bound of the heap the run needed at any moment. */
    private static long peakHeapBytes() {
        return heapPools().stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
