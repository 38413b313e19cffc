package nl.beslisstraat.batch.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.engine.audit.ChainHeadFiles;
import nl.beslisstraat.engine.audit.ChainVerifications;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A nightly run's decisions and audit entries, written by two workers with COPY, make chains that
 * hold; the daily verification writes their heads to a file; a decision turned from REJECTED into
 * GRANTED by the superuser makes {@code --verify-audit-chain} exit 1.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class VerifyChainFunctionalTests extends DatabaseIntegrationTest {

    static Path heads;

    @DynamicPropertySource
    static void headsDirectory(DynamicPropertyRegistry properties) throws Exception {
        heads = Files.createTempDirectory("chain-heads");
        properties.add("beslisstraat.audit.chain-heads-directory", heads::toString);
    }

    @Autowired
    DemoSeeder demo;

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    VerifyChainCommand command;

    @Autowired
    ChainVerifications verifications;

    @Autowired
    ChainHeadFiles files;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNightlyRunsChainsHoldAndATurnedDecisionIsNamed() throws Exception {
        // given
        demo.seed(400);
        assertThat(launcher.run(LocalDate.of(2026, 11, 30), "chain", false).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        // when
        verifications.daily();

        // then
        assertThat(command.run(null, null))
                .as("exit code of --verify-audit-chain")
                .isZero();
        // in a folder of this database's own, so another installation's heads are never held against it
        assertThat(files.directory().getParent()).isEqualTo(heads);
        assertThat(files.directory().getFileName().toString())
                .startsWith(jdbc.queryForObject("select current_database()", String.class) + "-");
        Path written = files.directory().resolve("chain-heads-" + LocalDate.now() + ".txt");
        assertThat(ChainHeadFiles.read(written))
                .anySatisfy(head -> assertThat(head.table()).isEqualTo("decisions"))
                .anySatisfy(head -> assertThat(head.table()).isEqualTo("audit_log"))
                .anySatisfy(head -> assertThat(head.table()).isEqualTo("platform_audit_log"));
        assertThat(verifications.last(Municipality.DEFAULT))
                .hasValueSatisfying(last -> assertThat(last.intact()).isTrue());
        assertThat(command.run(Municipality.DEFAULT, written)).isZero();

        // when
        Long rejected = jdbc.queryForObject(
                "select min(id) from decisions where outcome = 'REJECTED' and automated", Long.class);
        new JdbcTemplate(TestDatabase.owner())
                .execute("begin; set local session_replication_role = replica;"
                        + " update decisions set outcome = 'GRANTED' where id = " + rejected + "; commit");

        // then
        assertThat(command.run(Municipality.DEFAULT, written)).isEqualTo(1);
        assertThat(verifications.last(Municipality.DEFAULT).orElseThrow().breaks())
                .singleElement()
                .satisfies(broken -> {
                    assertThat(broken.table()).isEqualTo("decisions");
                    assertThat(broken.id()).isEqualTo(rejected);
                });
    }
}
