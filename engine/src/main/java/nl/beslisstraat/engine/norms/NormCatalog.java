package nl.beslisstraat.engine.norms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of the norm table, by the reference date from which each is in force. Held in
 * memory (a run reads norms for every case); changed only by adding a version or withdrawing one
 * that has not yet taken effect. A withdrawn version is no longer in force but stays known by its
 * label, so that a decision which named it can still be recomputed.
 */
public class NormCatalog {

    static final String BUNDLED = "nl/beslisstraat/norms/norm-table.json";

    private volatile NavigableMap<LocalDate, NormVersion> byEffectiveDate;
    private final Map<String, NormVersion> byLabel = new ConcurrentHashMap<>();

    public NormCatalog(List<NormVersion> versions) {
        this(versions, Set.of());
    }

    NormCatalog(List<NormVersion> versions, Set<String> withdrawn) {
        NavigableMap<LocalDate, NormVersion> map = new TreeMap<>();
        for (NormVersion version : versions) {
            byLabel.put(version.version(), version);
            if (!withdrawn.contains(version.version())) {
                map.put(version.effectiveFrom(), version);
            }
        }
        this.byEffectiveDate = map;
    }

    /**
     * The norm table that ships with the rules, for a fresh database and for tests of the rules;
     * held to the ranges of its own definition like any upload.
     */
    public static NormVersion bundled() {
        ClassLoader classLoader = NormCatalog.class.getClassLoader();
        JsonNode node = bundledDescriptor();
        String folder = BUNDLED.substring(0, BUNDLED.lastIndexOf('/') + 1);
        try (InputStream csv =
                classLoader.getResourceAsStream(folder + node.path("amounts").asString())) {
            return new NormVersion(
                    node.path("version").asString(),
                    LocalDate.parse(node.path("effectiveFrom").asString()),
                    node.path("note").asString(null),
                    NormTableReader.read(
                            new InputStreamReader(csv, StandardCharsets.UTF_8),
                            NormDefinitions.of(node.path("norms"))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled norm table " + BUNDLED, e);
        }
    }

    static NormDefinitions bundledDefinitions() {
        return NormDefinitions.of(bundledDescriptor().path("norms"));
    }

    private static JsonNode bundledDescriptor() {
        try (InputStream descriptor = NormCatalog.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            return JsonMapper.builder().build().readTree(descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled norm table " + BUNDLED, e);
        }
    }

    /** The version in force on the reference date. */
    public NormVersion inForce(LocalDate referenceDate) {
        Map.Entry<LocalDate, NormVersion> entry = byEffectiveDate.floorEntry(referenceDate);
        if (entry == null) {
            throw new NoNormsInForce(referenceDate);
        }
        return entry.getValue();
    }

    /** A version by its label, to recompute a decision with exactly the norms it used. */
    public NormVersion version(String label) {
        NormVersion version = label == null ? null : byLabel.get(label);
        if (version == null) {
            throw new IllegalArgumentException("Unknown norm table version " + label);
        }
        return version;
    }

    /** Whether the label names a version, in force or withdrawn. */
    public boolean knows(String label) {
        return byLabel.containsKey(label);
    }

    /** The versions in force from their effective dates, oldest first; withdrawn ones left out. */
    public List<NormVersion> versions() {
        return List.copyOf(byEffectiveDate.values());
    }

    /** The newest version, whatever its effective date: what an officer's next version starts from. */
    public NormVersion latest() {
        return byEffectiveDate.lastEntry().getValue();
    }

    synchronized void add(NormVersion version) {
        NavigableMap<LocalDate, NormVersion> map = new TreeMap<>(byEffectiveDate);
        map.put(version.effectiveFrom(), version);
        byLabel.put(version.version(), version);
        byEffectiveDate = map;
    }

    synchronized void withdraw(NormVersion version) {
        NavigableMap<LocalDate, NormVersion> map = new TreeMap<>(byEffectiveDate);
        map.remove(version.effectiveFrom(), version);
        byEffectiveDate = map;
    }
}
