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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.beslisstraat.engine.tenancy.Municipality;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of the norm table, by the reference date from which each is in force. Held in
 * memory (a run reads norms for every case); changed only by adding a version or withdrawing one
 * that has not yet taken effect. A withdrawn version is no longer in force but stays known by its
 * label, so that a decision which named it can still be recomputed.
 *
 * <p>The national versions (the bundled one, and any without a municipality) are in force for
 * every municipality; a version a municipality's officers approved is in force for that
 * municipality only, from its date until a newer national or own version. Like the database, the
 * catalog answers for the municipality the current thread works for ({@link Municipality}): it
 * never shows one municipality's version to another.
 */
public class NormCatalog {

    static final String BUNDLED = "nl/beslisstraat/norms/norm-table.json";

    private volatile NavigableMap<LocalDate, NormVersion> national;
    private final Map<String, NavigableMap<LocalDate, NormVersion>> own = new ConcurrentHashMap<>();
    private final Map<String, NormVersion> byLabel = new ConcurrentHashMap<>();
    /** The municipality a version belongs to, by label; a national version has none. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    public NormCatalog(List<NormVersion> versions) {
        this(versions, Set.of(), Map.of());
    }

    /**
     * @param owners the municipality of each version that has one, by label
     */
    NormCatalog(List<NormVersion> versions, Set<String> withdrawn, Map<String, String> owners) {
        this.owners.putAll(owners);
        NavigableMap<LocalDate, NormVersion> map = new TreeMap<>();
        for (NormVersion version : versions) {
            byLabel.put(version.version(), version);
            if (withdrawn.contains(version.version())) {
                continue;
            }
            String owner = owners.get(version.version());
            if (owner == null) {
                map.put(version.effectiveFrom(), version);
            } else {
                own.computeIfAbsent(owner, code -> new TreeMap<>()).put(version.effectiveFrom(), version);
            }
        }
        this.national = map;
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

    /**
     * The version in force on the reference date for the current municipality: its own newest
     * version then, or the national one when that is newer or it has none.
     */
    public NormVersion inForce(LocalDate referenceDate) {
        Map.Entry<LocalDate, NormVersion> nationally = national.floorEntry(referenceDate);
        Map.Entry<LocalDate, NormVersion> locally = ownLine().floorEntry(referenceDate);
        Map.Entry<LocalDate, NormVersion> entry =
                locally != null && (nationally == null || !nationally.getKey().isAfter(locally.getKey()))
                        ? locally
                        : nationally;
        if (entry == null) {
            throw new NoNormsInForce(referenceDate);
        }
        return entry.getValue();
    }

    /**
     * A version by its label, to recompute a decision with exactly the norms it used; another
     * municipality's version is unknown here.
     */
    public NormVersion version(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("Unknown norm table version " + label));
    }

    /**
     * The version by its label when the current municipality may see it (national or its own); empty
     * for another municipality's, as for a label that names nothing.
     */
    public Optional<NormVersion> find(String label) {
        return label == null || !visible(label) ? Optional.empty() : Optional.ofNullable(byLabel.get(label));
    }

    /**
     * Whether the label names a version, in force or withdrawn, of any municipality: labels are never
     * reused. For checking a new label only; what a municipality may see is {@link #find}.
     */
    public boolean knows(String label) {
        return byLabel.containsKey(label);
    }

    /**
     * The versions in force from their effective dates for the current municipality (national
     * and its own), oldest first; withdrawn ones left out.
     */
    public List<NormVersion> versions() {
        List<NormVersion> versions = new java.util.ArrayList<>(national.values());
        versions.addAll(ownLine().values());
        versions.sort(java.util.Comparator.comparing(NormVersion::effectiveFrom));
        return List.copyOf(versions);
    }

    /** The newest version, whatever its effective date: what an officer's next version starts from. */
    public NormVersion latest() {
        List<NormVersion> versions = versions();
        return versions.get(versions.size() - 1);
    }

    /** Puts a version in force for the current municipality, or nationally when there is none. */
    synchronized void add(NormVersion version) {
        String owner = Municipality.current().orElse(null);
        byLabel.put(version.version(), version);
        if (owner == null) {
            NavigableMap<LocalDate, NormVersion> map = new TreeMap<>(national);
            map.put(version.effectiveFrom(), version);
            national = map;
        } else {
            owners.put(version.version(), owner);
            NavigableMap<LocalDate, NormVersion> map = new TreeMap<>(own.getOrDefault(owner, new TreeMap<>()));
            map.put(version.effectiveFrom(), version);
            own.put(owner, map);
        }
    }

    synchronized void withdraw(NormVersion version) {
        String owner = owners.get(version.version());
        if (owner == null) {
            NavigableMap<LocalDate, NormVersion> map = new TreeMap<>(national);
            map.remove(version.effectiveFrom(), version);
            national = map;
        } else {
            NavigableMap<LocalDate, NormVersion> map = new TreeMap<>(own.getOrDefault(owner, new TreeMap<>()));
            map.remove(version.effectiveFrom(), version);
            own.put(owner, map);
        }
    }

    private NavigableMap<LocalDate, NormVersion> ownLine() {
        String municipality = Municipality.current().orElse(null);
        NavigableMap<LocalDate, NormVersion> line = municipality == null ? null : own.get(municipality);
        return line == null ? java.util.Collections.emptyNavigableMap() : line;
    }

    private boolean visible(String label) {
        String owner = owners.get(label);
        return owner == null || owner.equals(Municipality.current().orElse(null));
    }
}
