package nl.beslisstraat.engine.regulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every regulation the engine knows, with its rule-set versions by effective date.
 *
 * <p>Drools' own {@code date-effective} compares with the wall clock, not with a case's reference
 * date; so versions are chosen here, by reference date, and each version is a KieBase of its own.
 */
@Component
public class RegulationCatalog {

    static final String REGULATIONS = "classpath*:nl/beslisstraat/rules/*/regulation.json";
    private static final Logger log = LoggerFactory.getLogger(RegulationCatalog.class);

    private final Map<String, NavigableMap<LocalDate, RuleSet>> byCaseType = new ConcurrentHashMap<>();
    private final Map<String, RegulationDescriptor> regulations = new ConcurrentHashMap<>();
    private final ClassLoader classLoader;
    private final RuleSetCompiler compiler;
    private final Map<String, RuleSet> byVersion = new ConcurrentHashMap<>();
    private final Map<String, BrokenRegulation> broken = new ConcurrentHashMap<>();
    /** The versions on the classpath, by label: their labels belong to the product, never to an upload. */
    private final Map<String, RuleSet> shipped = new ConcurrentHashMap<>();

    /** Each municipality's own versions (its officers' approved uploads), by case type and date. */
    private final Map<String, Map<String, NavigableMap<LocalDate, RuleSet>>> own = new ConcurrentHashMap<>();
    /** Each municipality's choices on the shared models, by case type and date. */
    private final Map<String, Map<String, NavigableMap<LocalDate, LocalChoices>>> chosen = new ConcurrentHashMap<>();

    private volatile Function<String, Optional<RuleSet>> archive = label -> Optional.empty();
    private volatile ChoicesArchive choicesArchive = (municipality, caseType, version) -> Optional.empty();

    /** Open once every shipped regulation is in force or reported broken. */
    private final CountDownLatch started = new CountDownLatch(1);

    private volatile boolean startedAll;
    private volatile Throwable startFailure;

    /** A catalog that compiles every version at every start (tests, tools). */
    public RegulationCatalog(JsonMapper json) {
        this(json, RegulationCatalog.class.getClassLoader());
    }

    /**
     * @param compiledRuleSets the folder where shipped versions, once compiled, are kept for the
     *     next start ({@link CompiledRuleSetCache}); blank to compile them at every start
     */
    @Autowired
    public RegulationCatalog(
            JsonMapper json,
            @Value("${beslisstraat.rule-sets.compiled-folder:${user.home}/.beslisstraat/compiled-rule-sets}")
                    String compiledRuleSets) {
        this(json, RegulationCatalog.class.getClassLoader(), CompiledRuleSetCache.in(compiledRuleSets));
    }

    RegulationCatalog(JsonMapper json, ClassLoader classLoader) {
        this(json, classLoader, CompiledRuleSetCache.none());
    }

    RegulationCatalog(JsonMapper json, ClassLoader classLoader, CompiledRuleSetCache compiledRuleSets) {
        this.classLoader = classLoader;
        this.compiler = new RuleSetCompiler(compiledRuleSets);
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver(classLoader).getResources(REGULATIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the regulations on the classpath", e);
        }
        // Compiling the shipped versions takes most of a start: it runs on threads of its own while
        // the application goes on starting; every method below waits until it is done.
        Thread starter = new Thread(() -> startAll(json, resources), "regulation-catalog-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Compiles every version of every regulation at once, on as many threads as there are cores,
     * then puts the regulations in force one by one in classpath order, exactly as if each had been
     * compiled in turn.
     */
    private void startAll(JsonMapper json, Resource[] resources) {
        ExecutorService compilers = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), RegulationCatalog::compilerThread);
        try {
            List<Described> described = new java.util.ArrayList<>();
            for (Resource resource : resources) {
                described.add(describeAndCompile(json, resource, compilers));
            }
            for (Described regulation : described) {
                try {
                    start(regulation.descriptor(), regulation.compiling());
                } catch (RuntimeException | IOException | LinkageError e) {
                    // one broken regulation must not keep the others from deciding: report it, skip it
                    // by case type, so its cases find the problem; by folder when the case type is unknown or taken
                    RegulationDescriptor descriptor = regulation.read();
                    boolean ownCaseType = descriptor != null
                            && descriptor.caseType() != null
                            && !descriptor.caseType().isBlank()
                            && !regulations.containsKey(descriptor.caseType());
                    String name = ownCaseType ? descriptor.caseType() : folderOf(regulation.resource());
                    String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    broken.put(name, new BrokenRegulation(name, ownCaseType ? descriptor : null, problem));
                    log.error("Regulation {} is skipped: it cannot be started: {}", name, problem);
                }
            }
        } catch (Throwable unexpected) {
            startFailure = unexpected;
        } finally {
            compilers.shutdownNow();
            startedAll = true;
            started.countDown();
        }
    }

    /** A regulation as read from its {@code regulation.json}, its versions compiling meanwhile. */
    private record Described(
            Resource resource, RegulationDescriptor read, Exception unreadable, List<Future<RuleSet>> compiling) {

        RegulationDescriptor descriptor() throws IOException {
            if (unreadable instanceof IOException io) {
                throw io;
            }
            if (unreadable != null) {
                throw (RuntimeException) unreadable;
            }
            return read;
        }
    }

    private Described describeAndCompile(JsonMapper json, Resource resource, ExecutorService compilers) {
        RegulationDescriptor regulation;
        try {
            regulation = describe(json, resource);
        } catch (IOException | RuntimeException e) {
            return new Described(resource, null, e, List.of());
        }
        List<Future<RuleSet>> compiling = new java.util.ArrayList<>();
        if (regulation.caseType() != null && !regulation.caseType().isBlank() && regulation.versions() != null) {
            for (RegulationDescriptor.Version version : regulation.versions()) {
                compiling.add(compilers.submit(() -> {
                    long begun = System.nanoTime();
                    RuleSet compiled = compiler.compile(regulation, version, classLoader);
                    log.info(
                            "Rule set {} (in force from {}) ready in {} ms",
                            RuleSet.label(regulation.caseType(), version.version()),
                            version.effectiveFrom(),
                            (System.nanoTime() - begun) / 1_000_000);
                    return compiled;
                }));
            }
        }
        return new Described(resource, regulation, null, compiling);
    }

    private static Thread compilerThread(Runnable task) {
        Thread thread = new Thread(task, "rule-set-compiler");
        thread.setDaemon(true);
        return thread;
    }

    /** What a compilation threw, as if it had been thrown here. */
    private static RuleSet compiled(Future<RuleSet> compiling) {
        try {
            return compiling.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error thrown) {
                throw thrown;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compiling the regulations", e);
        }
    }

    /**
     * Waits until every shipped regulation is compiled and in force (or reported as broken): what
     * the application's start waits for before it says it is ready.
     */
    void awaitStart() {
        if (!startedAll) {
            boolean interrupted = false;
            while (started.getCount() > 0) {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (startFailure != null) {
            throw new IllegalStateException("The regulations could not be started", startFailure);
        }
    }

    /**
     * Checks a regulation and puts its compiled versions in force, all or none: a regulation of
     * which one version does not compile is reported as a whole.
     */
    private void start(RegulationDescriptor regulation, List<Future<RuleSet>> compiling) {
        if (regulation.caseType() == null || regulation.caseType().isBlank()) {
            throw new RuleSetCompilationException(regulation.folder() + "/regulation.json names no caseType");
        }
        if (regulations.containsKey(regulation.caseType())) {
            throw new RuleSetCompilationException("case type " + regulation.caseType() + " is also declared by "
                    + regulations.get(regulation.caseType()).folder());
        }
        if (regulation.versions() == null || regulation.versions().isEmpty()) {
            throw new RuleSetCompilationException(regulation.caseType() + " declares no versions");
        }
        for (int v = 0; v < regulation.versions().size(); v++) {
            RegulationDescriptor.Version version = regulation.versions().get(v);
            boolean superseded = v + 1 < regulation.versions().size()
                    && regulation.versions().get(v + 1).effectiveFrom().equals(version.effectiveFrom());
            if (version.inputSchema() != null && !superseded) {
                // a schema of its own would let intake check cases against it: only a version that a
                // later one replaces on its own date may keep one, to recompute its decisions
                throw new RuleSetCompilationException(RuleSet.label(regulation.caseType(), version.version())
                        + " has a schema of its own but is not superseded on its date by the next version");
            }
        }
        List<RuleSet> compiled = new java.util.ArrayList<>();
        for (Future<RuleSet> version : compiling) {
            compiled.add(compiled(version));
        }
        regulations.put(regulation.caseType(), regulation);
        for (RuleSet ruleSet : compiled) {
            byCaseType
                    .computeIfAbsent(ruleSet.caseType(), type -> new ConcurrentSkipListMap<>())
                    .put(ruleSet.effectiveFrom(), ruleSet);
            byVersion.put(ruleSet.version(), ruleSet);
            shipped.put(ruleSet.version(), ruleSet);
        }
    }

    /**
     * A regulation on the classpath that could not be started (its {@code regulation.json}, table
     * or rules could not be read or compiled): reported to operators, its cases sent to review.
     *
     * @param name the case type, or the folder when the descriptor could not be read
     * @param descriptor what its {@code regulation.json} says, when that could be read
     * @param problem why it could not be started
     */
    public record BrokenRegulation(String name, RegulationDescriptor descriptor, String problem) {}

    /** The regulations that were skipped at start-up, by case type (or folder), with the reason. */
    public List<BrokenRegulation> broken() {
        awaitStart();
        return broken.values().stream()
                .sorted(java.util.Comparator.comparing(BrokenRegulation::name))
                .toList();
    }

    /**
     * Whether a case of this type may be taken in: its rules are compiled, or its regulation is
     * known by its descriptor but could not be started (the case then goes to review with the
     * problem).
     */
    public boolean accepts(String caseType) {
        awaitStart();
        return knows(caseType) || (caseType != null && describedButBroken(caseType));
    }

    /** What the case type's {@code regulation.json} says, also when its rules could not be started. */
    public Optional<RegulationDescriptor> descriptor(String caseType) {
        awaitStart();
        if (caseType == null) {
            return Optional.empty();
        }
        RegulationDescriptor known = regulations.get(caseType);
        if (known != null) {
            return Optional.of(known);
        }
        BrokenRegulation failed = broken.get(caseType);
        return Optional.ofNullable(failed == null ? null : failed.descriptor());
    }

    /**
     * A case type by its regulation's name in both languages, for a refusal ("Bewonersparkeervergunning");
     * the code itself when no regulation names it.
     */
    public Phrase caseTypeName(String caseType) {
        return descriptor(caseType)
                .map(RegulationDescriptor::name)
                .filter(name -> name.containsKey("nl"))
                .map(name -> new Phrase(name.get("nl"), name.getOrDefault("en", name.get("nl"))))
                .orElse(Phrase.same(caseType));
    }

    private boolean describedButBroken(String caseType) {
        BrokenRegulation failed = broken.get(caseType);
        return failed != null && failed.descriptor() != null;
    }

    public Set<String> caseTypes() {
        awaitStart();
        return byCaseType.keySet();
    }

    /** The case types a municipality decides: every shared model, and its own regulations. */
    public Set<String> caseTypesFor(String municipality) {
        awaitStart();
        return byCaseType.keySet().stream()
                .filter(caseType -> isFor(municipality, caseType))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Whether the municipality decides cases of this type: a shared model, or a regulation of its
     * own; also one that could not be started (its cases go to review with the problem).
     */
    public boolean isFor(String municipality, String caseType) {
        awaitStart();
        return descriptor(caseType)
                .map(regulation -> regulation.isFor(municipality))
                .orElse(false);
    }

    /** Every rule set of every regulation, oldest version first within a case type. */
    public List<RuleSet> ruleSets() {
        awaitStart();
        return byCaseType.values().stream()
                .flatMap(versions -> versions.values().stream())
                .toList();
    }

    /** The versions the product ships (on the classpath), oldest first within a case type. */
    public List<RuleSet> shipped() {
        awaitStart();
        return shipped.values().stream()
                .sorted(java.util.Comparator.comparing(RuleSet::caseType).thenComparing(RuleSet::effectiveFrom))
                .toList();
    }

    /** Whether the label ({@code PARKING_PERMIT/2026.2}) names a version the product ships. */
    public boolean ships(String ruleSetVersion) {
        awaitStart();
        return ruleSetVersion != null && shipped.containsKey(ruleSetVersion);
    }

    public boolean knows(String caseType) {
        awaitStart();
        return caseType != null && byCaseType.containsKey(caseType);
    }

    /**
     * Compiles a version whose decision table was uploaded, based on the regulation's latest
     * version with a decision table: the same DRL, the uploaded table in place of its table. Not
     * yet in force: {@link #register} does that.
     */
    public RuleSet compileUploaded(String caseType, String version, LocalDate effectiveFrom, byte[] table) {
        awaitStart();
        RuleSet base = latestTable(caseType);
        String tableResource = base.tableResource();
        RegulationDescriptor.Version uploaded = new RegulationDescriptor.Version(
                version, effectiveFrom, base.descriptorVersion().rules(), "uploaded");
        return compiler.compile(regulations.get(caseType), uploaded, classLoader, Map.of(tableResource, table), null);
    }

    /**
     * Compiles a version whose rules are an uploaded DMN model: the model is the whole rule
     * package, beside the regulation's declared application type.
     */
    public RuleSet compileUploadedDmn(String caseType, String version, LocalDate effectiveFrom, byte[] model) {
        awaitStart();
        String resource =
                "uploaded/" + caseType.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".dmn";
        RegulationDescriptor.Version uploaded =
                new RegulationDescriptor.Version(version, effectiveFrom, List.of(resource), "uploaded DMN model");
        return compiler.compile(regulations.get(caseType), uploaded, classLoader, Map.of(resource, model), null);
    }

    /** The newest version whose rules are decision tables: the locked template of a table upload. */
    public RuleSet latestTable(String caseType) {
        awaitStart();
        NavigableMap<LocalDate, RuleSet> versions = caseType == null ? null : byCaseType.get(caseType);
        if (versions != null) {
            for (RuleSet ruleSet : versions.descendingMap().values()) {
                if (ruleSet.format().equals("XLSX")) {
                    return ruleSet;
                }
            }
        }
        return byVersion.values().stream()
                .filter(ruleSet ->
                        ruleSet.caseType().equals(caseType) && ruleSet.format().equals("XLSX"))
                .findFirst()
                .orElseThrow(() -> new NoRuleSetInForce(caseType, LocalDate.MAX));
    }

    /** The newest version of a case type's rules, whatever its effective date. */
    public RuleSet latest(String caseType) {
        awaitStart();
        NavigableMap<LocalDate, RuleSet> versions = caseType == null ? null : byCaseType.get(caseType);
        if (versions == null || versions.isEmpty()) {
            throw new NoRuleSetInForce(caseType, LocalDate.MAX);
        }
        return versions.lastEntry().getValue();
    }

    /**
     * Puts a municipality's own version in force from its effective date for that municipality
     * only, at once for every case it decides after this call (the running engine needs no
     * restart). From a later model version's date on, the model is in force for it again.
     *
     * @param municipality the CBS code of the municipality whose officers approved it
     */
    public void register(String municipality, RuleSet ruleSet) {
        awaitStart();
        guardLabel(ruleSet);
        own.computeIfAbsent(municipality, code -> new ConcurrentHashMap<>())
                .computeIfAbsent(ruleSet.caseType(), type -> new ConcurrentSkipListMap<>())
                .put(ruleSet.effectiveFrom(), ruleSet);
        byVersion.put(ruleSet.version(), ruleSet);
        log.info(
                "Rule set {} registered for municipality {}, in force from {}",
                ruleSet.version(),
                municipality,
                ruleSet.effectiveFrom());
    }

    /** Takes a municipality's own version out of force (withdrawn before it took effect). */
    public void unregister(String municipality, RuleSet ruleSet) {
        awaitStart();
        NavigableMap<LocalDate, RuleSet> versions =
                own.getOrDefault(municipality, Map.of()).get(ruleSet.caseType());
        if (versions != null) {
            versions.remove(ruleSet.effectiveFrom(), ruleSet);
        }
    }

    /**
     * Puts a municipality's choices on a shared model in force from their effective date: every
     * model version in force from then on is applied with them.
     */
    public void register(LocalChoices choices) {
        awaitStart();
        chosen.computeIfAbsent(choices.municipality(), code -> new ConcurrentHashMap<>())
                .computeIfAbsent(choices.caseType(), type -> new ConcurrentSkipListMap<>())
                .put(choices.effectiveFrom(), choices);
        log.info(
                "Local choices {} of municipality {} on {} in force from {}",
                choices.version(),
                choices.municipality(),
                choices.caseType(),
                choices.effectiveFrom());
    }

    /** Takes a municipality's choices out of force (withdrawn before they took effect). */
    public void unregister(LocalChoices choices) {
        awaitStart();
        NavigableMap<LocalDate, LocalChoices> versions =
                chosen.getOrDefault(choices.municipality(), Map.of()).get(choices.caseType());
        if (versions != null) {
            versions.remove(choices.effectiveFrom(), choices);
        }
    }

    /**
     * Puts a model version in force from its effective date for every municipality, at once for
     * every case decided after this call. An earlier version for the same date is replaced.
     */
    public void register(RuleSet ruleSet) {
        awaitStart();
        guardLabel(ruleSet);
        byCaseType
                .computeIfAbsent(ruleSet.caseType(), type -> new ConcurrentSkipListMap<>())
                .put(ruleSet.effectiveFrom(), ruleSet);
        byVersion.put(ruleSet.version(), ruleSet);
        log.info("Rule set {} registered, in force from {}", ruleSet.version(), ruleSet.effectiveFrom());
    }

    private void guardLabel(RuleSet ruleSet) {
        RuleSet known = byVersion.get(ruleSet.version());
        if (known != null && !known.contentHash().equals(ruleSet.contentHash())) {
            // a label names one content, ever: never let other rules take over a known version
            throw new IllegalStateException("Rule set " + ruleSet.version() + " is already known with content "
                    + known.contentHash() + "; refused other content " + ruleSet.contentHash());
        }
    }

    /** Where a municipality's choices come from that are known by version but not in force. */
    @FunctionalInterface
    public interface ChoicesArchive {
        Optional<LocalChoices> find(String municipality, String caseType, String version);
    }

    /**
     * Where choices come from that a decision names but that are not in force (withdrawn before
     * their date): read only when such a decision is recomputed.
     */
    public void choicesArchive(ChoicesArchive archive) {
        this.choicesArchive = archive;
    }

    /**
     * Where versions come from that are known by label but not in force (withdrawn before they
     * took effect): compiled only when a decision that names one is recomputed, not at start-up.
     */
    public void archive(Function<String, Optional<RuleSet>> archive) {
        this.archive = archive;
    }

    /**
     * Takes a version out of force (withdrawn before it took effect). It stays known by its
     * version label, so decisions taken with it can still be recomputed.
     */
    public void unregister(RuleSet ruleSet) {
        awaitStart();
        NavigableMap<LocalDate, RuleSet> versions = byCaseType.get(ruleSet.caseType());
        if (versions != null) {
            versions.remove(ruleSet.effectiveFrom(), ruleSet);
        }
    }

    /**
     * A rule set by its recorded version ({@code PARKING_PERMIT/2026.1}), to recompute a decision
     * exactly as it was taken. Versions are never replaced, only added.
     */
    public RuleSet version(String ruleSetVersion) {
        awaitStart();
        RuleSet ruleSet = ruleSetVersion == null ? null : byVersion.get(ruleSetVersion);
        if (ruleSet == null && ruleSetVersion != null) {
            // compiled outside the map: a version with choices looks up its model version first
            ruleSet = archived(ruleSetVersion)
                    .map(found -> {
                        RuleSet raced = byVersion.putIfAbsent(ruleSetVersion, found);
                        return raced == null ? found : raced;
                    })
                    .orElse(null);
        }
        if (ruleSet == null) {
            throw new IllegalArgumentException("Unknown rule set version " + ruleSetVersion);
        }
        return ruleSet;
    }

    /**
     * A version known by label but not in force: a withdrawn upload, or a model version with a
     * municipality's choices ({@code PARKING_PERMIT/2026.2+0193-2026.1}), compiled again from both.
     */
    private Optional<RuleSet> archived(String label) {
        int plus = label.indexOf('+');
        if (plus < 0) {
            return archive.apply(label);
        }
        String base = label.substring(0, plus);
        String choice = label.substring(plus + 1);
        int dash = choice.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        RuleSet model = version(base);
        return choicesArchive
                .find(choice.substring(0, dash), model.caseType(), choice.substring(dash + 1))
                .map(choices -> compileWithChoices(model, choices));
    }

    /**
     * The rules a municipality decides a case with on its reference date: the newest of the shared
     * model's version and the municipality's own version in force then (so a new model version
     * reaches every municipality from its date), with the municipality's choices in force then
     * set in. Without a municipality, the shared model as it is.
     *
     * @param municipality CBS code, or null
     */
    public RuleSet inForce(String municipality, String caseType, LocalDate referenceDate) {
        awaitStart();
        if (municipality == null) {
            return inForce(caseType, referenceDate);
        }
        if (!isFor(municipality, caseType)) {
            throw new NoRuleSetInForce(caseType + " (a regulation of another municipality)", referenceDate);
        }
        RuleSet base = base(municipality, caseType, referenceDate);
        LocalChoices choices = floor(chosen, municipality, caseType, referenceDate);
        return choices == null ? base : withChoices(base, choices);
    }

    /**
     * The rules a municipality's choices are set on, on a date: the newest of the shared model's
     * version and the municipality's own version in force then.
     */
    public RuleSet base(String municipality, String caseType, LocalDate referenceDate) {
        awaitStart();
        RuleSet mine = floor(own, municipality, caseType, referenceDate);
        if (mine == null) {
            return inForce(caseType, referenceDate);
        }
        NavigableMap<LocalDate, RuleSet> models = byCaseType.get(caseType);
        Map.Entry<LocalDate, RuleSet> model = models == null ? null : models.floorEntry(referenceDate);
        return model != null && model.getKey().isAfter(mine.effectiveFrom()) ? model.getValue() : mine;
    }

    /**
     * A version with a municipality's choices set in. Approved choices are compiled once and kept
     * by label, for every night after; a draft's are compiled for the caller alone, so that a label
     * only ever names approved values.
     */
    public RuleSet withChoices(RuleSet base, LocalChoices choices) {
        awaitStart();
        if (choices.effectiveFrom() == null) {
            return compileWithChoices(base, choices);
        }
        String label = choices.labelOn(base.version());
        RuleSet known = byVersion.get(label);
        if (known != null) {
            return known;
        }
        synchronized (this) { // one compilation of a label, even when the night's threads all ask at once
            known = byVersion.get(label);
            if (known == null) {
                known = compileWithChoices(base, choices);
                byVersion.put(label, known);
            }
            return known;
        }
    }

    private RuleSet compileWithChoices(RuleSet base, LocalChoices choices) {
        LocalDate from =
                choices.effectiveFrom() == null || choices.effectiveFrom().isBefore(base.effectiveFrom())
                        ? base.effectiveFrom()
                        : choices.effectiveFrom();
        String label = choices.labelOn(base.version());
        RegulationDescriptor.Version version = new RegulationDescriptor.Version(
                label.substring(base.caseType().length() + 1),
                from,
                base.descriptorVersion().rules(),
                "model " + base.version() + " with the choices of " + choices.municipality(),
                base.descriptorVersion().inputSchema());
        long started = System.nanoTime();
        RuleSet compiled = compiler.compile(base.descriptor(), version, classLoader, base.uploaded(), choices);
        log.info("Compiled {} in {} ms", label, (System.nanoTime() - started) / 1_000_000);
        return compiled;
    }

    private static <T> T floor(
            Map<String, Map<String, NavigableMap<LocalDate, T>>> lines,
            String municipality,
            String caseType,
            LocalDate referenceDate) {
        NavigableMap<LocalDate, T> line = caseType == null || referenceDate == null
                ? null
                : lines.getOrDefault(municipality, Map.of()).get(caseType);
        Map.Entry<LocalDate, T> entry = line == null ? null : line.floorEntry(referenceDate);
        return entry == null ? null : entry.getValue();
    }

    /** The choices of a municipality in force for the case type on a date, if it set any. */
    public Optional<LocalChoices> choicesInForce(String municipality, String caseType, LocalDate date) {
        awaitStart();
        return Optional.ofNullable(floor(chosen, municipality, caseType, date));
    }

    /** The shared model's rule set in force for the case type on the reference date (peildatum). */
    public RuleSet inForce(String caseType, LocalDate referenceDate) {
        awaitStart();
        NavigableMap<LocalDate, RuleSet> versions =
                caseType == null || referenceDate == null ? null : byCaseType.get(caseType);
        Map.Entry<LocalDate, RuleSet> version = versions == null ? null : versions.floorEntry(referenceDate);
        if (version == null && caseType != null && broken.containsKey(caseType)) {
            throw new RegulationUnavailable(broken.get(caseType));
        }
        if (version == null) {
            throw new NoRuleSetInForce(caseType, referenceDate);
        }
        return version.getValue();
    }

    private static String folderOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("nl/beslisstraat/rules/"), url.lastIndexOf('/'));
        } catch (IOException | RuntimeException e) {
            return String.valueOf(resource);
        }
    }

    static RegulationDescriptor describe(JsonMapper json, Resource resource) throws IOException {
        String url = resource.getURL().toString();
        String folder = url.substring(url.lastIndexOf("nl/beslisstraat/rules/"), url.lastIndexOf('/'));
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, RegulationDescriptor.class).inFolder(folder);
        } catch (RuntimeException e) {
            throw new RuleSetCompilationException("Cannot read " + url + ": " + e.getMessage());
        }
    }
}
