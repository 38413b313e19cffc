package nl.beslisstraat.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.LocalChoices;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.rules.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same application decided in Utrecht (the models' defaults) and in Zwolle (its choices as
 * DOMAIN.md lists them): the outcomes and amounts differ exactly where a local choice differs, and
 * the letter names the municipality's own number. Expected figures are worked out from DOMAIN.md.
 */
class LocalChoicesDecisionTests {

    private static final String UTRECHT = "0344";
    private static final String ZWOLLE = "0193";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DecisionService decisions;
    private static RegulationCatalog regulations;

    @BeforeAll
    static void zwolleAdoptsTheModelsWithItsChoices() {
        regulations = new RegulationCatalog(JSON);
        decisions = new DecisionService(regulations, new NormCatalog(List.of(NormCatalog.bundled())), JSON);
        LocalDate from = LocalDate.of(2026, 1, 1);
        regulations.register(choices(
                "PARKING_PERMIT",
                from,
                Map.of(
                        "feeZoneA",
                        "180.00",
                        "feeZoneB",
                        "95.00",
                        "permitsPerAddressZoneA",
                        "1",
                        "permitsPerAddressZoneB",
                        "3")));
        regulations.register(choices("TAX_REMISSION", from, Map.of("normPercentage", "95")));
        regulations.register(choices("CITY_PASS", from, Map.of("incomeLimit", "120", "reviewBand", "105")));
        regulations.register(choices("EVENT_NOTIFICATION", from, Map.of("visitorLimit", "150")));
    }

    private static LocalChoices choices(String caseType, LocalDate from, Map<String, String> values) {
        TreeMap<String, BigDecimal> typed = new TreeMap<>();
        values.forEach((name, value) -> typed.put(name, new BigDecimal(value)));
        return new LocalChoices(ZWOLLE, caseType, "2026.1", from, typed);
    }

    private static DecisionOutcome decide(String municipality, String caseType, String date, String input) {
        CaseApplication application = new CaseApplication(caseType, LocalDate.parse(date), JSON.readTree(input));
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            return decisions.decide(application);
        }
    }

    private static String parking(String zone, String fuel, int euroClass, int permitsAtAddress) {
        return "{\"zone\":\"" + zone + "\",\"vehicleHolderIsApplicant\":true,\"leaseOrCompanyCar\":false,"
                + "\"vehicleLength\":4.50,\"vehicleHeight\":1.60,\"fuel\":\"" + fuel + "\",\"euroClass\":" + euroClass
                + ",\"permitsAtAddress\":" + permitsAtAddress + ",\"ownParkingSpace\":false}";
    }

    @Test
    void eachMunicipalityChargesItsOwnParkingFeePerZone() {
        DecisionOutcome utrechtA = decide(UTRECHT, "PARKING_PERMIT", "2026-03-15", parking("A", "PETROL", 6, 0));
        DecisionOutcome zwolleA = decide(ZWOLLE, "PARKING_PERMIT", "2026-03-15", parking("A", "PETROL", 6, 0));
        DecisionOutcome zwolleB = decide(ZWOLLE, "PARKING_PERMIT", "2026-03-15", parking("B", "PETROL", 6, 0));

        assertThat(utrechtA.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(utrechtA.amounts()).containsEntry("fee", new BigDecimal("240.00"));
        assertThat(zwolleA.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(zwolleA.amounts()).containsEntry("fee", new BigDecimal("180.00"));
        assertThat(zwolleA.reasons().get(0).motivation().get("nl")).contains("EUR 180,00 per jaar");
        assertThat(zwolleB.amounts()).containsEntry("fee", new BigDecimal("95.00"));
        assertThat(zwolleA.ruleSetVersion()).isEqualTo("PARKING_PERMIT/2026.1.1+0193-2026.1");
        assertThat(utrechtA.ruleSetVersion()).isEqualTo("PARKING_PERMIT/2026.1.1");
    }

    @Test
    void aNewModelVersionReachesZwolleFromItsDateWithItsFeeKept() {
        // from 2026-07-01 the model adds 50 % for diesel of Euro class 4 or lower
        DecisionOutcome utrecht = decide(UTRECHT, "PARKING_PERMIT", "2026-09-01", parking("A", "DIESEL", 4, 0));
        DecisionOutcome zwolle = decide(ZWOLLE, "PARKING_PERMIT", "2026-09-01", parking("A", "DIESEL", 4, 0));

        assertThat(utrecht.amounts()).containsEntry("fee", new BigDecimal("360.00"));
        assertThat(zwolle.amounts()).containsEntry("fee", new BigDecimal("270.00"));
        assertThat(zwolle.ruleSetVersion()).isEqualTo("PARKING_PERMIT/2026.2.1+0193-2026.1");
        assertThat(zwolle.reasons()).extracting(Reason::code).contains("PERMIT_GRANTED", "DIESEL_SURCHARGE");
    }

    @Test
    void theAddressLimitPerZoneIsTheMunicipalitysAndTheLetterSaysSo() {
        DecisionOutcome utrecht = decide(UTRECHT, "PARKING_PERMIT", "2026-03-15", parking("B", "PETROL", 6, 2));
        DecisionOutcome zwolleTwo = decide(ZWOLLE, "PARKING_PERMIT", "2026-03-15", parking("B", "PETROL", 6, 2));
        DecisionOutcome zwolleThree = decide(ZWOLLE, "PARKING_PERMIT", "2026-03-15", parking("B", "PETROL", 6, 3));

        assertThat(utrecht.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(utrecht.reasons()).extracting(Reason::code).containsExactly("ADDRESS_LIMIT_REACHED");
        assertThat(utrecht.reasons().get(0).motivation().get("nl")).contains("maximum 2 per adres");
        assertThat(zwolleTwo.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(zwolleTwo.amounts()).containsEntry("fee", new BigDecimal("95.00"));
        assertThat(zwolleThree.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(zwolleThree.reasons().get(0).motivation().get("nl")).contains("maximum 3 per adres");
        assertThat(zwolleThree.reasons().get(0).motivation().get("en")).contains("maximum is 3 per address");
    }

    @Test
    void zwolleCountsNinetyFivePercentOfTheNormInThePaymentCapacity() {
        // income 1,900 + allowances 100 - rent 600 - premium 130 = 1,270; single norm 1,245
        String input = "{\"amountDue\":1000.00,\"householdType\":\"SINGLE\",\"pensionAge\":false,"
                + "\"otherResidents27Plus\":0,\"netIncome\":1900.00,\"allowances\":100.00,\"rent\":600.00,"
                + "\"healthPremium\":130.00,\"bankBalance\":1200.00,\"carCount\":0,\"homeOwner\":false}";
        DecisionOutcome utrecht = decide(UTRECHT, "TAX_REMISSION", "2026-03-01", input);
        DecisionOutcome zwolle = decide(ZWOLLE, "TAX_REMISSION", "2026-03-01", input);

        // 12 x 80 % x (1,270 - 1,245) = 240.00
        assertThat(utrecht.outcome()).isEqualTo(Outcome.PARTIALLY_GRANTED);
        assertThat(utrecht.amounts())
                .containsEntry("paymentCapacity", new BigDecimal("240.00"))
                .containsEntry("remitted", new BigDecimal("760.00"));
        // 12 x 80 % x (1,270 - 0.95 x 1,245) = 12 x 80 % x 87.25 = 837.60
        assertThat(zwolle.outcome()).isEqualTo(Outcome.PARTIALLY_GRANTED);
        assertThat(zwolle.amounts())
                .containsEntry("paymentCapacity", new BigDecimal("837.60"))
                .containsEntry("remitted", new BigDecimal("162.40"));
    }

    @Test
    void theCityPassIncomeLimitAndReviewBandAreZwollesOwn() {
        // the single norm is 1,245: 124.5 % of it is within Utrecht's 130 %, above Zwolle's 120 %
        String employed = cityPass("1550.00", false);
        assertThat(decide(UTRECHT, "CITY_PASS", "2026-03-10", employed).outcome())
                .isEqualTo(Outcome.GRANTED);
        DecisionOutcome zwolle = decide(ZWOLLE, "CITY_PASS", "2026-03-10", employed);
        assertThat(zwolle.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(zwolle.reasons()).extracting(Reason::code).containsExactly("INCOME_ABOVE_LIMIT");
        assertThat(zwolle.reasons().get(0).motivation().get("nl")).contains("hoger dan 120% van de norm");

        // 106.8 % of the norm, self-employed: under Utrecht's band of 110 %, over Zwolle's 105 %
        String selfEmployed = cityPass("1330.00", true);
        assertThat(decide(UTRECHT, "CITY_PASS", "2026-03-10", selfEmployed).outcome())
                .isEqualTo(Outcome.GRANTED);
        DecisionOutcome band = decide(ZWOLLE, "CITY_PASS", "2026-03-10", selfEmployed);
        assertThat(band.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(band.reasons()).extracting(Reason::code).containsExactly("FLUCTUATING_INCOME");
        assertThat(band.reasons().get(0).motivation().get("nl")).contains("hoger dan 105% van de norm");
    }

    private static String cityPass(String netIncome, boolean selfEmployed) {
        return "{\"age\":35,\"resident\":true,\"householdType\":\"SINGLE\",\"pensionAge\":false,\"netIncome\":"
                + netIncome + ",\"bankBalance\":500.00,\"studentFinance\":false,\"selfEmployed\":" + selfEmployed
                + "}";
    }

    @Test
    void zwolleAsksAPermitFromMoreThanAHundredAndFiftyVisitors() {
        String event = "{\"eventDate\":\"2026-03-21\",\"startTime\":\"12:00\",\"endTime\":\"18:00\",\"visitors\":180,"
                + "\"roadClosure\":false,\"objectCount\":2,\"largestObjectArea\":6.00,\"alcoholSold\":false}";
        assertThat(decide(UTRECHT, "EVENT_NOTIFICATION", "2026-03-02", event).outcome())
                .isEqualTo(Outcome.GRANTED);
        DecisionOutcome zwolle = decide(ZWOLLE, "EVENT_NOTIFICATION", "2026-03-02", event);
        assertThat(zwolle.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(zwolle.reasons()).extracting(Reason::code).containsExactly("PERMIT_REQUIRED");
        assertThat(zwolle.reasons().get(0).motivation().get("nl")).contains("meer dan 150 bezoekers");
        assertThat(decide(UTRECHT, "EVENT_NOTIFICATION", "2026-03-02", event.replace("180", "201"))
                        .reasons()
                        .get(0)
                        .motivation()
                        .get("nl"))
                .contains("meer dan 200 bezoekers");
    }

    @Test
    void aDecisionWithChoicesIsRecomputedFromItsLabelAlone() {
        DecisionOutcome zwolle = decide(ZWOLLE, "PARKING_PERMIT", "2026-03-15", parking("A", "PETROL", 6, 0));
        assertThat(regulations.version(zwolle.ruleSetVersion()).contentHash()).isEqualTo(zwolle.ruleSetHash());
        assertThat(zwolle.ruleSetHash())
                .isNotEqualTo(regulations.version("PARKING_PERMIT/2026.1.1").contentHash());
    }
}
