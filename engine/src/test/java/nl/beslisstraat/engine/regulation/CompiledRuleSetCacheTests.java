package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.norms.NormCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shipped rule sets kept between starts ({@link CompiledRuleSetCache}): a start that loads them
 * decides every example case exactly as one that compiles them, and a kept file is only read when
 * it is what the engine wrote, under its own name.
 */
class CompiledRuleSetCacheTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ClassLoader CLASSES = CompiledRuleSetCacheTests.class.getClassLoader();

    @TempDir
    static Path folder;

    /** The first start: compiles every shipped version and keeps it. */
    private static RegulationCatalog compiling;
    /** The next start: loads what the first kept. */
    private static RegulationCatalog loading;

    @BeforeAll
    static void startTwice() {
        compiling = new RegulationCatalog(JSON, CLASSES, CompiledRuleSetCache.in(folder.toString()));
        compiling.shipped();
        loading = new RegulationCatalog(JSON, CLASSES, CompiledRuleSetCache.in(folder.toString()));
        loading.shipped();
    }

    @Test
    void everyShippedVersionIsKeptUnderItsContentHash() throws IOException {
        assertThat(kept())
                .hasSize(compiling.shipped().size())
                .allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                        .as("only the engine's user may read or write %s", file)
                        .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        for (RuleSet ruleSet : compiling.shipped()) {
            assertThat(CompiledRuleSetCache.in(folder.toString()).load(ruleSet.contentHash(), CLASSES))
                    .as(ruleSet.version())
                    .isNotNull();
        }
    }

    @Test
    void aLoadedVersionDecidesEveryExampleCaseAsACompiledOne() {
        RegulationCatalog fresh = new RegulationCatalog(JSON, CLASSES);
        DecisionService compiled = decisions(fresh);
        DecisionService loaded = decisions(loading);
        int decided = 0;
        for (RuleSet ruleSet : fresh.shipped()) {
            RuleSet same = loading.version(ruleSet.version());
            assertThat(same.contentHash()).isEqualTo(ruleSet.contentHash());
            for (ExampleCase example : ExampleCases.of(ruleSet)) {
                DecisionOutcome expected = compiled.decideWith(example.application(), ruleSet);
                assertThat(loaded.decideWith(example.application(), same))
                        .as("%s with %s", example, ruleSet.version())
                        .isEqualTo(expected);
                decided++;
            }
        }
        assertThat(decided).isGreaterThan(200);
    }

    @Test
    void aFileChangedOrStoredUnderAnotherNameIsNotRead() throws IOException {
        Path other = Files.createTempDirectory(folder, "tampered");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rwx------"));
        CompiledRuleSetCache cache = CompiledRuleSetCache.in(other.toString());
        List<RuleSet> shipped = compiling.shipped();
        RuleSet first = shipped.get(0);
        RuleSet second = shipped.stream()
                .filter(ruleSet -> !ruleSet.contentHash().equals(first.contentHash()))
                .findFirst()
                .orElseThrow();
        cache.store(first.contentHash(), first.kieBase(), CLASSES);
        Path file = other.resolve(CompiledRuleSetCache.name(first.contentHash(), CLASSES) + ".kbase");
        assertThat(cache.load(first.contentHash(), CLASSES)).isNotNull();

        // copied in under the name of another version
        Path copied = other.resolve(CompiledRuleSetCache.name(second.contentHash(), CLASSES) + ".kbase");
        Files.copy(file, copied);
        assertThat(cache.load(second.contentHash(), CLASSES)).isNull();

        // one byte changed
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThat(cache.load(first.contentHash(), CLASSES)).isNull();

        // another user's group may write it
        cache.store(first.contentHash(), first.kieBase(), CLASSES);
        assertThat(cache.load(first.contentHash(), CLASSES)).isNotNull();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(cache.load(first.contentHash(), CLASSES)).isNull();
    }

    @Test
    void anUploadedVersionIsCompiledAndNeverKept() throws IOException {
        int before = kept().size();
        RuleSet base = loading.latestTable("PARKING_PERMIT");
        RuleSet uploaded = loading.compileUploaded(
                "PARKING_PERMIT", "2099.1", java.time.LocalDate.of(2099, 1, 1), base.tableContent());
        assertThat(uploaded.version()).isEqualTo("PARKING_PERMIT/2099.1");
        assertThat(kept()).hasSize(before);
    }

    private static DecisionService decisions(RegulationCatalog catalog) {
        return new DecisionService(catalog, new NormCatalog(List.of(NormCatalog.bundled())), JSON);
    }

    private static List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(
                    files.filter(file -> file.toString().endsWith(".kbase")).toList());
        }
    }
}
