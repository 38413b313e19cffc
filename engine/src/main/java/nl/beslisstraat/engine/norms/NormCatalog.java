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
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of the norm table, by the reference date from which each is in force. Held in
 * memory (a run reads norms for every case); changed only by adding a version.
 */
public class NormCatalog {

    static final String BUNDLED = "nl/beslisstraat/norms/norm-table.json";

    private volatile NavigableMap<LocalDate, NormVersion> byEffectiveDate;

    public NormCatalog(List<NormVersion> versions) {
        NavigableMap<LocalDate, NormVersion> map = new TreeMap<>();
        versions.forEach(version -> map.put(version.effectiveFrom(), version));
        this.byEffectiveDate = map;
    }

    /** The norm table that ships with the rules, for a fresh database and for tests of the rules. */
    public static NormVersion bundled() {
        ClassLoader classLoader = NormCatalog.class.getClassLoader();
        try (InputStream descriptor = classLoader.getResourceAsStream(BUNDLED)) {
            JsonNode node = JsonMapper.builder().build().readTree(descriptor);
            String folder = BUNDLED.substring(0, BUNDLED.lastIndexOf('/') + 1);
            try (InputStream csv = classLoader.getResourceAsStream(
                    folder + node.path("amounts").asString())) {
                return new NormVersion(
                        node.path("version").asString(),
                        LocalDate.parse(node.path("effectiveFrom").asString()),
                        node.path("note").asString(null),
                        NormTableReader.read(new InputStreamReader(csv, StandardCharsets.UTF_8)));
            }
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
        return byEffectiveDate.values().stream()
                .filter(version -> version.version().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown norm table version " + label));
    }

    public List<NormVersion> versions() {
        return List.copyOf(byEffectiveDate.values());
    }

    synchronized void add(NormVersion version) {
        NavigableMap<LocalDate, NormVersion> map = new TreeMap<>(byEffectiveDate);
        map.put(version.effectiveFrom(), version);
        byEffectiveDate = map;
    }
}
