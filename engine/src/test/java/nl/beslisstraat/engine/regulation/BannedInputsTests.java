package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import nl.beslisstraat.engine.regulation.table.TableTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * No decision may look at origin, beliefs, health, sexuality, politics, union membership, criminal
 * past, free text or the citizen service number (AVG art. 9 and 10, UAVG): names are recognised by
 * meaning, in Dutch and English and however they are written, and every shipped regulation is
 * clear of them.
 */
class BannedInputsTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "nationality, nationaliteit",
        "nationaliteit, nationaliteit",
        "applicant_nationality, nationaliteit",
        "DUAL-NATIONALITY, nationaliteit",
        "heeftDubbeleNationaliteit, nationaliteit",
        "countryOfBirth, geboorteland",
        "birth_country, geboorteland",
        "geboorteland, geboorteland",
        "landVanGeboorte, geboorteland",
        "Geboorteplaats, geboorteland",
        "ethnicity, etnische afkomst of ras",
        "etnischeAfkomst, etnische afkomst of ras",
        "race, etnische afkomst of ras",
        "RAS, etnische afkomst of ras",
        "migratieAchtergrond, etnische afkomst of ras",
        "skinColour, etnische afkomst of ras",
        "religion, godsdienst of levensovertuiging",
        "religie, godsdienst of levensovertuiging",
        "geloof, godsdienst of levensovertuiging",
        "religieuzeOvertuiging, godsdienst of levensovertuiging",
        "kerkgenootschap, godsdienst of levensovertuiging",
        "isMuslim, godsdienst of levensovertuiging",
        "health, gezondheid",
        "gezondheid, gezondheid",
        "gezondheidstoestand, gezondheid",
        "medical_condition, gezondheid",
        "medischeIndicatie, gezondheid",
        "hasDisability, gezondheid",
        "handicap, gezondheid",
        "mentalHealthStatus, gezondheid",
        "zwangerschap, gezondheid",
        "ziekteverzuim, gezondheid",
        "bloodType, gezondheid",
        "sexualOrientation, seksuele gerichtheid of seksueel gedrag",
        "seksueleGeaardheid, seksuele gerichtheid of seksueel gedrag",
        "isLGBT, seksuele gerichtheid of seksueel gedrag",
        "politicalOpinion, politieke opvatting",
        "politiekeVoorkeur, politieke opvatting",
        "partijlidmaatschap, politieke opvatting",
        "tradeUnionMembership, lidmaatschap van een vakbond",
        "vakbondslid, lidmaatschap van een vakbond",
        "union_member, lidmaatschap van een vakbond",
        "criminalRecord, strafrechtelijk gegeven",
        "strafblad, strafrechtelijk gegeven",
        "convictions, strafrechtelijk gegeven",
        "eerderVeroordeeld, strafrechtelijk gegeven",
        "justitieleDocumentatie, strafrechtelijk gegeven",
        "heeftVOG, strafrechtelijk gegeven",
        "freeText, vrije tekst",
        "opmerkingen, vrije tekst",
        "toelichtingAanvrager, vrije tekst",
        "remarks, vrije tekst",
        "bsn, burgerservicenummer",
        "burgerServiceNummer, burgerservicenummer",
        "Nationalité, nationaliteit",
    })
    void recognisesAForbiddenInputHoweverItIsWritten(String name, String category) {
        assertThat(BannedInputs.match(name))
                .as(name)
                .hasValueSatisfying(
                        match -> assertThat(match.category().name().nl()).isEqualTo(category));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "healthPremium",
                "zorgpremie",
                "healthInsurancePremium",
                "netIncome",
                "householdType",
                "carNeededClaim",
                "assistanceDog",
                "euroClass",
                "traceId",
                "rasterSize",
                "originalAmount",
                "policyVersion",
                "politieZone",
                "thirdParty",
                "europeanUnionResident",
                "geloofwaardig",
                "incomeSources",
                "technicalStatus",
                "banknoteDenomination",
            })
    void leavesOtherNamesAlone(String name) {
        assertThat(BannedInputs.match(name)).as(name).isEmpty();
    }

    @Test
    void everyCategoryNamesItsArticleOfLaw() {
        assertThat(BannedInputs.CATEGORIES)
                .allSatisfy(category -> assertThat(category.article().nl())
                        .containsAnyOf("AVG art. 9", "AVG art. 10", "AVG art. 5", "UAVG art."));
        assertThat(BannedInputs.CATEGORIES)
                .allSatisfy(category -> assertThat(category.article().en())
                        .containsAnyOf("AVG (GDPR) art. 9(1)", "AVG (GDPR) art. 10", "AVG (GDPR) art. 5", "UAVG art.")
                        .doesNotContain(" lid ", " en ", "tot en met", "bijzondere", "gegevens"));
        assertThat(BannedInputs.match("strafblad").orElseThrow().message())
                .isEqualTo("'strafblad' is strafrechtelijk gegeven: dat mag nooit een gegeven voor een besluit zijn"
                        + " (AVG art. 10 (strafrechtelijke veroordelingen en strafbare feiten); UAVG art. 31 tot en"
                        + " met 33).");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "religion | 'religion' is religion or belief: that may never be an input for a decision (AVG (GDPR)"
                        + " art. 9(1) (special categories of personal data): religious or philosophical beliefs;"
                        + " UAVG art. 22 and 27).",
                "etniciteit | 'etniciteit' is ethnic origin or race: that may never be an input for a decision (AVG"
                        + " (GDPR) art. 9(1) (special categories of personal data): racial or ethnic origin; UAVG"
                        + " art. 22 and 25).",
                "strafblad | 'strafblad' is criminal data: that may never be an input for a decision (AVG (GDPR)"
                        + " art. 10 (criminal convictions and offences); UAVG art. 31 to 33).",
                "bsn | 'bsn' is a citizen service number (burgerservicenummer): that may never be an input for a"
                        + " decision (UAVG art. 46: the citizen service number serves only to identify someone, not"
                        + " to decide).",
            })
    void theEnglishRefusalNamesTheCategoryAndTheArticleInEnglish(String name, String english) {
        Phrase refusal = BannedInputs.match(name).orElseThrow().phrase();

        assertThat(refusal.in(Locale.ENGLISH)).isEqualTo(english);
        assertThat(refusal.in(Locale.forLanguageTag("nl"))).contains("dat mag nooit een gegeven voor een besluit zijn");
    }

    @Test
    void aTemplateColumnOrSchemaFieldThatNamesAForbiddenInputIsRefusedInBothLanguages() {
        RegulationDescriptor regulation = new RegulationCatalog(
                        JsonMapper.builder().build())
                .ruleSets().stream()
                        .filter(rules -> rules.caseType().equals("PARKING_PERMIT"))
                        .findFirst()
                        .orElseThrow()
                        .descriptor();
        InputSchema schema = new InputSchema(com.networknt.schema.SchemaRegistry.withDefaultDialect(
                        com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(new java.io.ByteArrayInputStream("""
                        {"type": "object", "properties": {
                          "religie": {"type": "string", "enum": ["a", "b"], "title": "religie"}}}
                        """.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        List<Phrase> refused = RuleSetCompiler.bannedInputs(regulation, schema);

        assertThat(refused).singleElement().satisfies(phrase -> {
            assertThat(phrase.in(Locale.forLanguageTag("nl")))
                    .startsWith(regulation.inputSchema() + ", veld 'religie' is godsdienst of levensovertuiging:");
            assertThat(phrase.in(Locale.ENGLISH))
                    .startsWith(regulation.inputSchema() + ", field 'religie' is religion or belief: that may never")
                    .doesNotContain("veld", "godsdienst", "dat mag", " lid ");
        });
    }

    @Test
    void noShippedRegulationTakesAForbiddenInput() {
        RegulationCatalog catalog = new RegulationCatalog(JsonMapper.builder().build());
        assertThat(catalog.broken()).isEmpty();
        List<String> found = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (RuleSet rules : catalog.ruleSets()) {
            for (String field : rules.inputSchema().titles().keySet()) {
                checked.add(field);
                BannedInputs.match(field).ifPresent(match -> found.add(rules.version() + ": " + match.message()));
                if (rules.inputSchema().isFreeText(field)) {
                    found.add(rules.version() + ": " + field + " is free text");
                }
            }
            TableTemplate template = rules.descriptor().decisionTable();
            if (template != null) {
                for (TableTemplate.Table table : template.tables()) {
                    for (TableTemplate.Condition condition : table.conditions()) {
                        checked.add(condition.field());
                        BannedInputs.match(condition.field())
                                .ifPresent(match -> found.add(rules.version() + ": " + match.message()));
                    }
                }
            }
        }
        assertThat(checked).contains("healthPremium", "vehicleLength", "assistanceDog", "visitors");
        assertThat(found).isEmpty();
    }
}
