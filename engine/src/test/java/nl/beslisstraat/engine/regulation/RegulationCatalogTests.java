package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.rules.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, item 7: one regulation that cannot be started (rules that do not compile, a
 * {@code regulation.json} that cannot be read or names no case type) is reported and skipped; the others start and
 * decide. The broken regulations live under {@code broken-regulations/} in the test resources, a
 * root of their own that only this test's class loader adds, so no other test's engine sees them.
 */
class RegulationCatalogTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static URLClassLoader withBrokenRegulations;
    private static RegulationCatalog catalog;

    @BeforeAll
    static void startWithBrokenRegulations() {
        URL root = RegulationCatalogTests.class.getClassLoader().getResource("broken-regulations/");
        withBrokenRegulations = new URLClassLoader(new URL[] {root}, RegulationCatalogTests.class.getClassLoader());
        catalog = new RegulationCatalog(JSON, withBrokenRegulations);
    }

    @AfterAll
    static void close() throws Exception {
        withBrokenRegulations.close();
    }

    @Test
    void aRegulationThatDoesNotCompileIsReportedAndSkippedWhileTheOthersStart() {
        assertThat(catalog.caseTypes())
                .contains("PARKING_PERMIT", "TAX_REMISSION", "CITY_PASS", "EVENT_NOTIFICATION", "DOG_TAX_REMISSION")
                .doesNotContain("BROKEN_DRL");
        assertThat(catalog.broken())
                .extracting(RegulationCatalog.BrokenRegulation::name)
                .containsExactly(
                        "BANNED_COLUMN",
                        "BANNED_FIELD",
                        "BROKEN_DRL",
                        "OPEN_SCHEMA",
                        "nl/beslisstraat/rules/nocasetype",
                        "nl/beslisstraat/rules/unreadable");
        assertThat(problemOf("BROKEN_DRL")).contains("BROKEN_DRL").contains("does not compile");
        assertThat(problemOf("nl/beslisstraat/rules/nocasetype")).contains("names no caseType");
        assertThat(problemOf("nl/beslisstraat/rules/unreadable")).contains("regulation.json");
        assertThat(catalog.inForce("PARKING_PERMIT", LocalDate.of(2026, 3, 1)).version())
                .isEqualTo("PARKING_PERMIT/2026.1.1");
    }

    @Test
    void aRegulationWhoseSchemaIsOpenOrUnboundedIsReportedAsBroken() {
        assertThat(catalog.knows("OPEN_SCHEMA")).isFalse();
        assertThat(problemOf("OPEN_SCHEMA"))
                .contains("must be closed (\"additionalProperties\": false)")
                .contains("#/properties/note: a string without maxLength")
                .contains("#/properties/dogs: an array without maxItems");
    }

    @Test
    void aRegulationWithAForbiddenInputInItsSchemaOrTableIsReportedAsBrokenWithTheArticle() {
        assertThat(catalog.knows("BANNED_FIELD")).isFalse();
        assertThat(problemOf("BANNED_FIELD"))
                .contains("'Nationaliteit_aanvrager' is nationaliteit")
                .contains("AVG art. 9 lid 1");
        assertThat(catalog.knows("BANNED_COLUMN")).isFalse();
        assertThat(problemOf("BANNED_COLUMN"))
                .contains("kolom 'Ingeschreven in de gemeente'")
                .contains("'geloofsOvertuiging' is godsdienst of levensovertuiging")
                .contains("UAVG art. 22 en 27");
    }

    @Test
    void aCaseOfABrokenRegulationIsTakenInUncheckedButNoLargerThanAnyApplication() {
        nl.beslisstraat.engine.intake.ApplicationReader reader =
                new nl.beslisstraat.engine.intake.ApplicationReader(JSON, catalog);
        StringBuilder body = new StringBuilder("{\"caseType\": \"BROKEN_DRL\", \"referenceDate\": \"2026-03-01\"");
        for (int i = 0; i < 300; i++) {
            body.append(", \"k").append(i).append("\": 0");
        }

        try (var eService = nl.beslisstraat.engine.tenancy.Municipality.enter(
                nl.beslisstraat.engine.tenancy.Municipality.DEFAULT)) {
            assertThat(reader.read("{\"caseType\": \"BROKEN_DRL\", \"referenceDate\": \"2026-03-01\", \"age\": 30}")
                            .caseType())
                    .isEqualTo("BROKEN_DRL");
            assertThatThrownBy(() -> reader.read(body.append('}').toString()))
                    .isInstanceOf(nl.beslisstraat.engine.intake.InvalidApplication.class)
                    .hasMessageContaining("(body)")
                    .hasMessageContaining("more than 200 values");
        }
    }

    private static String problemOf(String name) {
        return catalog.broken().stream()
                .filter(broken -> broken.name().equals(name))
                .findFirst()
                .orElseThrow()
                .problem();
    }

    @Test
    void casesOfABrokenRegulationAreTakenInAndGoToReviewWithTheError() {
        assertThat(catalog.accepts("BROKEN_DRL")).isTrue();
        assertThat(catalog.knows("BROKEN_DRL")).isFalse();
        assertThat(catalog.accepts("UNREADABLE"))
                .as("its case type cannot be known")
                .isFalse();
        assertThat(catalog.descriptor("BROKEN_DRL").orElseThrow().label("fee", Locale.ENGLISH))
                .contains("Fee (EUR)");
        assertThatThrownBy(() -> catalog.inForce("BROKEN_DRL", LocalDate.of(2026, 3, 1)))
                .isInstanceOf(RegulationUnavailable.class)
                .hasMessageContaining("BROKEN_DRL could not be started");

        DecisionService decisions = new DecisionService(catalog, new NormCatalog(List.of(NormCatalog.bundled())), JSON);
        DecidedCase decided = decisions.decide(
                new QueuedCase(
                        1L,
                        "BROKEN_DRL",
                        LocalDate.of(2026, 3, 1),
                        OffsetDateTime.parse("2026-03-01T10:00:00+01:00"),
                        "{\"caseType\": \"BROKEN_DRL\", \"referenceDate\": \"2026-03-01\", \"age\": 30}"),
                null);

        assertThat(decided.outcome().outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decided.outcome().error()).contains("RegulationUnavailable", "BROKEN_DRL could not be started");
        assertThat(decided.reviewDeadline()).isNotNull();
    }

    @Test
    void reviewOutcomesAndAmountLabelsComeFromTheRegulationsOwnFiles() {
        RegulationDescriptor remission = catalog.descriptor("TAX_REMISSION").orElseThrow();
        RegulationDescriptor permit = catalog.descriptor("PARKING_PERMIT").orElseThrow();
        RegulationDescriptor broken = catalog.descriptor("BROKEN_DRL").orElseThrow();

        assertThat(remission.reviewOutcomes())
                .containsExactly(Outcome.GRANTED, Outcome.PARTIALLY_GRANTED, Outcome.REJECTED);
        assertThat(permit.reviewOutcomes()).containsExactly(Outcome.GRANTED, Outcome.REJECTED);
        assertThat(broken.reviewOutcomes()).as("the default").containsExactly(Outcome.GRANTED, Outcome.REJECTED);
        assertThat(permit.label("fee", Locale.forLanguageTag("nl"))).contains("Leges per jaar (EUR)");
        assertThat(permit.label("fee", Locale.ENGLISH)).contains("Annual fee (EUR)");
        assertThat(remission.amountNames()).containsExactly("paymentCapacity", "remitted");
    }
}
