package nl.beslisstraat.engine.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.ref.Reference;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code beslisstraat_*} series, one set per municipality, tagged {@code municipality}. The
 * application's registry (scraped at {@code /actuator/prometheus}) gets every municipality's, read
 * from {@link OperationsFigures} at scrape time; a municipality onboarded later gets its series the
 * next time the list of municipalities is read. {@link #scrape} renders the series of the
 * municipalities given and of no others, in a registry of their own.
 */
@Component
class OperationsMeters {

    static final String MUNICIPALITY = "municipality";

    private final MeterRegistry registry;
    private final OperationsFigures figures;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();

    OperationsMeters(MeterRegistry registry, OperationsFigures figures) {
        this.registry = registry;
        this.figures = figures;
        Gauge.builder("beslisstraat.municipalities", this, OperationsMeters::bindEveryMunicipality)
                .description("Municipalities on the platform")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void bindAtStart() {
        bindEveryMunicipality();
    }

    /** Binds the series of municipalities not bound yet; the number of municipalities. */
    private double bindEveryMunicipality() {
        Collection<String> codes = figures.municipalities();
        for (String code : codes) {
            if (bound.add(code)) {
                bind(registry, figures, code);
            }
        }
        return codes.size();
    }

    /** The series of these municipalities' figures only, in the Prometheus text format. */
    static String scrape(Map<String, MunicipalityFigures> read) {
        PrometheusMeterRegistry own = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FiguresSource source = read::get;
        try {
            read.keySet().forEach(code -> bind(own, source, code));
            return own.scrape();
        } finally {
            // the meters hold their source weakly: it must live until the scrape is written
            Reference.reachabilityFence(source);
            own.close();
        }
    }

    private static void bind(MeterRegistry registry, FiguresSource source, String code) {
        Tags tags = Tags.of(MUNICIPALITY, code);
        gauge(
                registry,
                source,
                code,
                tags,
                "beslisstraat.queue.cases",
                "Cases waiting for the nightly run",
                f -> f.queued());
        gauge(
                registry,
                source,
                code,
                tags,
                "beslisstraat.queue.oldest.age.seconds",
                "How long the oldest queued case has waited (0 when none waits)",
                MunicipalityFigures::oldestQueuedAgeSeconds);
        gauge(
                registry,
                source,
                code,
                tags,
                "beslisstraat.review.backlog.tasks",
                "Open review tasks",
                f -> f.reviewBacklog());
        gauge(
                registry,
                source,
                code,
                tags,
                "beslisstraat.review.overdue.tasks",
                "Open review tasks past their legal decision deadline",
                f -> f.overdue());
        for (String outcome : MunicipalityFigures.OUTCOMES) {
            Tags outcomeTags = tags.and("outcome", outcome);
            gauge(
                    registry,
                    source,
                    code,
                    outcomeTags,
                    "beslisstraat.run.decided.cases",
                    "Cases the latest run decided, per outcome",
                    f -> f.latestRunDecided(outcome));
            FunctionCounter.builder(
                            "beslisstraat.decided.cases",
                            source,
                            s -> s.of(code).decided(outcome))
                    .description("Cases all nightly runs decided, per outcome")
                    .tags(outcomeTags)
                    .register(registry);
        }
        gauge(
                registry,
                source,
                code,
                tags,
                "beslisstraat.run.duration.seconds",
                "How long the latest finished run took",
                MunicipalityFigures::latestFinishedRunSeconds);
        gauge(
                registry,
                source,
                code,
                tags,
                "beslisstraat.run.throughput.cases.per.second",
                "Cases per second the latest finished run decided",
                MunicipalityFigures::latestFinishedRunThroughput);
        gauge(
                registry,
                source,
                code,
                tags,
                "beslisstraat.run.running",
                "1 while a nightly run of the municipality runs, else 0",
                f -> f.running() ? 1 : 0);
    }

    private static void gauge(
            MeterRegistry registry,
            FiguresSource source,
            String code,
            Tags tags,
            String name,
            String description,
            ToDoubleFunction<MunicipalityFigures> value) {
        Gauge.builder(name, source, s -> value.applyAsDouble(s.of(code)))
                .description(description)
                .tags(tags)
                .register(registry);
    }
}
