package nl.beslisstraat.batch.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.batch.NightlyDecisionsApplication;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly run decides a full queue of the largest applications intake accepts within the heap
 * operations plans for ({@code -Xmx256m}), at the default chunk size. Intake bounds a case twice:
 * the body limit, and a closed schema with a length for every string; so no case that could be
 * queued is larger than the one queued here by more than whitespace, which the database drops.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class LargestAcceptedCasesFunctionalTests extends DatabaseIntegrationTest {

    private static final int CASES = 5_000;

    @Autowired
    CaseStore cases;

    @Autowired
    RegulationCatalog regulations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void decidesAQueueOfTheLargestAcceptedCasesInA256MegabyteHeap() throws Exception {
        // given
        new JdbcTemplate(TestDatabase.owner())
                .execute(new ClassPathResource("nightly/clean.sql").getContentAsString(StandardCharsets.UTF_8));
        JsonNode largest = JsonMapper.builder()
                .build()
                .readTree(new ClassPathResource("nightly/largest-tax-remission.json")
                        .getContentAsString(StandardCharsets.UTF_8));
        LocalDate referenceDate = LocalDate.of(2026, 9, 1);
        assertThat(regulations
                        .inForce("TAX_REMISSION", referenceDate)
                        .inputSchema()
                        .check(largest))
                .as("intake accepts it")
                .isEmpty();
        cases.enqueueAll(Collections.nCopies(CASES, new CaseApplication("TAX_REMISSION", referenceDate, largest)));

        // when
        Path log = Files.createDirectories(Path.of("target")).resolve("largest-cases-run.log");
        Process run = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        NightlyDecisionsApplication.class.getName(),
                        "--run-date=2026-09-12",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        // then
        assertThat(run.waitFor(5, TimeUnit.MINUTES))
                .as("run finished; see " + log)
                .isTrue();
        assertThat(run.exitValue()).as(output(log)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from cases where status = 'QUEUED'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from decisions", Long.class))
                .isEqualTo(CASES);
    }

    private static String output(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }
}
