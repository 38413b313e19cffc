package nl.beslisstraat.engine.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words and formats the pages show for codes, in Dutch (the default) and English: labels
 * from the regulation's files, engine-wide words from the bundles, money and dates as a reader
 * writes them, and the code itself where nobody named it.
 */
class CaseVocabularyTests {

    private static CaseVocabulary words;
    private static PageFormats formats;

    @BeforeAll
    static void start() {
        JsonMapper json = JsonMapper.builder().build();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        formats = new PageFormats(messages);
        words = new CaseVocabulary(new RegulationCatalog(json), messages, formats, json);
    }

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void showsMoneyDatesAndYesNoAsADutchReaderWritesThem() {
        dutch();
        assertThat(formats.money(new BigDecimal("240"))).isEqualTo("€ 240,00");
        assertThat(formats.money("1245.5")).isEqualTo("€ 1.245,50");
        assertThat(formats.date(LocalDate.of(2026, 3, 15))).isEqualTo("15 maart 2026");
        assertThat(formats.date("2026-03-15")).isEqualTo("15 maart 2026");
        assertThat(formats.dateTime(OffsetDateTime.parse("2026-03-15T13:03:00Z")))
                .isEqualTo("15 maart 2026 14:03");
        assertThat(formats.yesNo(true)).isEqualTo("ja");
    }

    @Test
    void showsMoneyDatesAndYesNoAsAnEnglishReaderWritesThem() {
        english();
        assertThat(formats.money(new BigDecimal("1245.5"))).isEqualTo("€1,245.50");
        assertThat(formats.date(LocalDate.of(2026, 3, 15))).isEqualTo("15 March 2026");
        assertThat(formats.yesNo(false)).isEqualTo("no");
    }

    @Test
    void namesAnOfficersOwnExampleInThePagesLanguage() {
        dutch();
        assertThat(words.exampleName("eigen: Camper in zone B")).isEqualTo("eigen: Camper in zone B");
        english();
        assertThat(words.exampleName("eigen: Camper in zone B")).isEqualTo("own: Camper in zone B");
        assertThat(words.exampleName("Camper in zone B")).isEqualTo("Camper in zone B");
    }

    @Test
    void showsMomentsWeekdaysAndRatesInThePagesLanguage() {
        java.time.Instant moment = java.time.Instant.parse("2026-11-30T01:00:07Z");
        dutch();
        assertThat(formats.dateTime(moment)).isEqualTo("30 november 2026 02:00");
        assertThat(formats.dateTimeSeconds(moment.atZone(java.time.ZoneOffset.UTC)))
                .isEqualTo("30 november 2026 02:00:07");
        assertThat(formats.dayDateTime(moment)).isEqualTo("maandag 30 november 2026 02:00");
        assertThat(formats.shortDay(LocalDate.of(2026, 12, 1))).startsWith("1 dec");
        assertThat(formats.number(new BigDecimal("12.345"), 1)).isEqualTo("12,3");
        assertThat(formats.percent(0.7)).isEqualTo("70%");
        assertThat(formats.dayOfYear("31-12")).isEqualTo("31 december");
        assertThat(formats.dayOfYear("31-02")).isEqualTo("31-02");
        english();
        assertThat(formats.dayDateTime(moment)).isEqualTo("Monday 30 November 2026 02:00");
        assertThat(formats.shortDay(LocalDate.of(2026, 12, 1))).isEqualTo("1 Dec");
        assertThat(formats.number(new BigDecimal("1234.56"), 1)).isEqualTo("1,234.6");
        assertThat(formats.dateTime(null)).isEmpty();
        assertThat(formats.dayOfYear("1-7")).isEqualTo("1 July");
    }

    @Test
    void namesRegulationCodesByTheRegulationsOwnFiles() {
        dutch();
        assertThat(words.caseType("PARKING_PERMIT")).isEqualTo("Bewonersparkeervergunning");
        assertThat(words.ruleSetVersion("PARKING_PERMIT/2026.1")).isEqualTo("Bewonersparkeervergunning, versie 2026.1");
        assertThat(words.reason("PARKING_PERMIT", "WAITING_LIST")).isEqualTo("Wachtlijst");
        assertThat(words.field("PARKING_PERMIT", "permitsAtAddress")).isEqualTo("Vergunningen op het adres");
        assertThat(words.value("PARKING_PERMIT", "fuel", "PETROL")).isEqualTo("benzine");
        assertThat(words.field("PARKING_PERMIT", "zone"))
                .as("the labels may give a Dutch title where the schema's is the field's own name")
                .isEqualTo("Vergunningzone");
        assertThat(words.value("PARKING_PERMIT", "vehicleLength", "4.50")).isEqualTo("4,50 m");
        assertThat(words.value("TAX_REMISSION", "netIncome", "1245.00")).isEqualTo("€ 1.245,00");
        assertThat(words.value("TAX_REMISSION", "householdType", "SINGLE_PARENT"))
                .isEqualTo("alleenstaande ouder");
        assertThat(words.value("EVENT_NOTIFICATION", "eventDate", "2026-05-30")).isEqualTo("30 mei 2026");
        assertThat(words.value("EVENT_NOTIFICATION", "alcoholSold", "true")).isEqualTo("ja");
        assertThat(words.amountsText("PARKING_PERMIT", Map.of("fee", "240")))
                .isEqualTo("Leges per jaar (EUR): € 240,00");
        assertThat(words.amountsText("CITY_PASS", Map.of("validUntil", "2026-12-31")))
                .isEqualTo("Geldig tot en met: 31 december 2026");

        english();
        assertThat(words.caseType("PARKING_PERMIT")).isEqualTo("Resident parking permit");
        assertThat(words.reason("EVENT_NOTIFICATION", "ALCOHOL_EXEMPTION")).isEqualTo("Alcohol exemption needed");
        assertThat(words.field("EVENT_NOTIFICATION", "endTime")).isEqualTo("End time");
        assertThat(words.value("TAX_REMISSION", "householdType", "SINGLE")).isEqualTo("single");
    }

    @Test
    void namesEngineWideCodesByTheMessageBundles() {
        dutch();
        assertThat(words.status("IN_REVIEW")).isEqualTo("Bij een behandelaar");
        assertThat(words.outcome("GRANTED")).isEqualTo("Toegekend");
        assertThat(words.outcome("GRANTED (ander bedrag)")).isEqualTo("Toegekend (ander bedrag)");
        assertThat(words.event("CASE_DECIDED_BY_REVIEWER")).isEqualTo("Besloten door behandelaar");
        assertThat(words.reason("PARKING_PERMIT", "INCOMPLETE_DATA")).isEqualTo("Gegevens onvolledig");
        assertThat(words.anyReason("COST_SHARER")).isEqualTo("Kostendeler in huis");

        english();
        assertThat(words.status("IN_REVIEW")).isEqualTo("With a reviewer");
        assertThat(words.event("CASE_DECIDED_BY_REVIEWER")).isEqualTo("Decided by a reviewer");
    }

    @Test
    void readsAHistoryEventsDetailsAsLinesInWords() {
        dutch();
        List<CaseVocabulary.Term> details = words.details(
                "PARKING_PERMIT",
                "{\"outcome\":\"NEEDS_REVIEW\",\"reasons\":[\"WAITING_LIST\"],"
                        + "\"ruleSetVersion\":\"PARKING_PERMIT/2026.1.1\",\"amounts\":{\"fee\":240.00}}");
        assertThat(details)
                .extracting(term -> term.label() + ": " + term.text())
                .containsExactly(
                        "Uitkomst: Naar behandelaar",
                        "Redenen: Wachtlijst",
                        "Regelversie: Bewonersparkeervergunning, versie 2026.1.1",
                        "Bedragen: Leges per jaar (EUR): € 240,00");
        assertThat(details.get(1).code()).isEqualTo("WAITING_LIST");
    }

    @Test
    void readsAnUploadsAuditEntryInWordsNotCodes() {
        String upload = "{\"caseType\":\"PARKING_PERMIT\",\"version\":\"2026.1+0193-1\",\"format\":\"CHOICES\","
                + "\"choices\":{\"feeZoneA\":180.00,\"somethingNew\":3},\"effectiveFrom\":\"2026-01-01\"}";

        dutch();
        assertThat(words.details(null, upload))
                .extracting(term -> term.label() + ": " + term.text())
                .containsExactly(
                        "Regeling: Bewonersparkeervergunning",
                        "Versie: 2026.1+0193-1",
                        "Vorm: lokale keuzes op het model",
                        "Lokale keuzes: Leges per jaar zone A (EUR): 180,00; somethingNew: 3",
                        "In werking vanaf: 1 januari 2026");

        english();
        assertThat(words.details(null, upload))
                .extracting(term -> term.label() + ": " + term.text())
                .contains(
                        "Local choices: Annual fee zone A (EUR): 180.00; somethingNew: 3",
                        "In force from: 1 January 2026");
    }

    @Test
    void listsAnApplicationsFieldsInTheOrderOfItsSchema() {
        dutch();
        Map<String, String> stored = new java.util.LinkedHashMap<>();
        stored.put("fuel", "PETROL");
        stored.put("ownParkingSpace", "false");
        stored.put("zone", "A");
        assertThat(words.inSchemaOrder("PARKING_PERMIT", stored))
                .extracting(Map.Entry::getKey)
                .containsExactly("zone", "fuel", "ownParkingSpace");
    }

    @Test
    void showsACodeNobodyNamedAsItIs() {
        dutch();
        assertThat(words.reason("PARKING_PERMIT", "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(words.caseType("DOG_TAX")).isEqualTo("DOG_TAX");
        assertThat(words.field("PARKING_PERMIT", "colour")).isEqualTo("colour");
    }

    private static void dutch() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl-NL"));
    }

    private static void english() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }
}
