package nl.beslisstraat.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.rules.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * DOMAIN.md, "The case types": "Missing or invalid input is never guessed at: the case goes to
 * review with reason INCOMPLETE_DATA naming the field." An event date of the right shape that
 * names no day (30 February) is invalid input: it goes to review naming eventDate, not to review
 * as a decision that failed without naming anything.
 */
class ImpossibleDateDecisionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DecisionService decisions;

    @BeforeAll
    static void theShippedRegulations() {
        decisions =
                new DecisionService(new RegulationCatalog(JSON), new NormCatalog(List.of(NormCatalog.bundled())), JSON);
    }

    private static DecisionOutcome decideEvent(String eventDate) {
        String input = "{\"eventDate\":\"" + eventDate + "\",\"startTime\":\"10:00\",\"endTime\":\"18:00\","
                + "\"visitors\":100,\"musicEndTime\":null,\"roadClosure\":false,\"objectCount\":2,"
                + "\"largestObjectArea\":\"5.00\",\"alcoholSold\":false}";
        CaseApplication application =
                new CaseApplication("EVENT_NOTIFICATION", LocalDate.of(2026, 1, 5), JSON.readTree(input));
        try (Municipality.Scope ignored = Municipality.enter("0344")) {
            return decisions.decide(application);
        }
    }

    @Test
    void anEventDateThatNamesNoDayGoesToReviewAsIncompleteDataNamingTheField() {
        for (String impossible : List.of("2026-02-30", "2026-13-01", "2026-04-31")) {
            DecisionOutcome outcome = decideEvent(impossible);

            assertThat(outcome.outcome()).as(impossible).isEqualTo(Outcome.NEEDS_REVIEW);
            assertThat(outcome.reasons())
                    .as(impossible)
                    .extracting(Reason::code)
                    .containsExactly("INCOMPLETE_DATA");
            assertThat(outcome.reasons().get(0).motivation().get("nl")).contains("(eventDate) is ongeldig");
        }
    }

    @Test
    void aRealEventDateIsStillDecidedByTheRules() {
        // received Monday 5 January 2026, event Monday 2 March 2026: far more than 10 working days
        DecisionOutcome outcome = decideEvent("2026-03-02");

        assertThat(outcome.outcome()).isEqualTo(Outcome.GRANTED);
    }
}
