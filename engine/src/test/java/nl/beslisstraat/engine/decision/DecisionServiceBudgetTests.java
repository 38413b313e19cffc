package nl.beslisstraat.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.DecisionOverBudget;
import nl.beslisstraat.engine.regulation.InputSchema;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.rules.CaseFacts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9: a case that takes longer than the time budget in a nightly run fails on its own and
 * goes to review with a deadline; it does not stop the run (the processor of the nightly job
 * hands every case to this method and writes what it returns).
 */
class DecisionServiceBudgetTests {

    private static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 9, 1);

    @Test
    void aCaseOverTheTimeBudgetGoesToReviewInsteadOfFailingTheRun() {
        RuleSet rules = mock(RuleSet.class);
        InputSchema schema = mock(InputSchema.class);
        when(rules.inputSchema()).thenReturn(schema);
        when(schema.check(any())).thenReturn(List.of());
        when(rules.decisionDeadline()).thenReturn(DecisionDeadline.AWB_DEFAULT);
        when(rules.facts(any(), any(), any())).thenReturn(mock(CaseFacts.class));
        doThrow(new DecisionOverBudget("PARKING_PERMIT/2029.5", Duration.ofMillis(900), Duration.ofMillis(200)))
                .when(rules)
                .execute(any());
        RegulationCatalog regulations = mock(RegulationCatalog.class);
        when(regulations.inForce(null, "PARKING_PERMIT", REFERENCE_DATE)).thenReturn(rules);
        DecisionService service = new DecisionService(
                regulations, mock(NormCatalog.class), JsonMapper.builder().build());

        DecidedCase decided = service.decide(
                new QueuedCase(42, "PARKING_PERMIT", REFERENCE_DATE, OffsetDateTime.now(), "{\"zone\": \"A\"}"), 7L);

        assertThat(decided.caseId()).isEqualTo(42);
        assertThat(decided.outcome().failed()).isTrue();
        assertThat(decided.outcome().needsReview()).isTrue();
        assertThat(decided.outcome().error()).contains("DecisionOverBudget").contains("900 ms");
        assertThat(decided.reviewDeadline()).isNotNull();
    }
}
