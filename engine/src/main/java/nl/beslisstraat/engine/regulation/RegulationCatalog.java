package nl.beslisstraat.engine.regulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final Map<String, RuleSet> byVersion = new ConcurrentHashMap<>();

    @Autowired
    public RegulationCatalog(JsonMapper json) {
        this(json, RegulationCatalog.class.getClassLoader());
    }

    RegulationCatalog(JsonMapper json, ClassLoader classLoader) {
        RuleSetCompiler compiler = new RuleSetCompiler();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(classLoader).getResources(REGULATIONS)) {
                RegulationDescriptor regulation = describe(json, resource);
                for (RegulationDescriptor.Version version : regulation.versions()) {
                    long started = System.nanoTime();
                    RuleSet ruleSet = compiler.compile(regulation, version, classLoader);
                    byCaseType
                            .computeIfAbsent(ruleSet.caseType(), type -> new TreeMap<>())
                            .put(ruleSet.effectiveFrom(), ruleSet);
                    byVersion.put(ruleSet.version(), ruleSet);
                    log.info(
                            "Compiled rule set {} (in force from {}) in {} ms",
                            ruleSet.version(),
                            ruleSet.effectiveFrom(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the regulations on the classpath", e);
        }
    }

    public Set<String> caseTypes() {
        return byCaseType.keySet();
    }

    /** Every rule set of every regulation, oldest version first within a case type. */
    public List<RuleSet> ruleSets() {
        return byCaseType.values().stream()
                .flatMap(versions -> versions.values().stream())
                .toList();
    }

    public boolean knows(String caseType) {
        return caseType != null && byCaseType.containsKey(caseType);
    }

    /**
     * A rule set by its recorded version ({@code PARKING_PERMIT/2026.1}), to recompute a decision
     * exactly as it was taken. Versions are never replaced, only added.
     */
    public RuleSet version(String ruleSetVersion) {
        RuleSet ruleSet = ruleSetVersion == null ? null : byVersion.get(ruleSetVersion);
        if (ruleSet == null) {
            throw new IllegalArgumentException("Unknown rule set version " + ruleSetVersion);
        }
        return ruleSet;
    }

    /** The rule set in force for the case type on the reference date (peildatum). */
    public RuleSet inForce(String caseType, LocalDate referenceDate) {
        NavigableMap<LocalDate, RuleSet> versions =
                caseType == null || referenceDate == null ? null : byCaseType.get(caseType);
        Map.Entry<LocalDate, RuleSet> version = versions == null ? null : versions.floorEntry(referenceDate);
        if (version == null) {
            throw new NoRuleSetInForce(caseType, referenceDate);
        }
        return version.getValue();
    }

    private static RegulationDescriptor describe(JsonMapper json, Resource resource) throws IOException {
        String url = resource.getURL().toString();
        String folder = url.substring(url.lastIndexOf("nl/beslisstraat/rules/"), url.lastIndexOf('/'));
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, RegulationDescriptor.class).inFolder(folder);
        } catch (RuntimeException e) {
            throw new RuleSetCompilationException("Cannot read " + url + ": " + e.getMessage());
        }
    }
}
