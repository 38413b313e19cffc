package nl.beslisstraat.engine.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.review.ReviewTask;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows in one statement arrive as they were sent, whatever their text holds, and a batch with
 * a row the table refuses stores none of its rows.
 */
@SpringBootTest
class BulkInsertIntegrationTests extends DatabaseIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseStore cases;

    @Autowired
    ReviewTaskStore reviewTasks;

    /** In a municipality of its own: its odd review task is no other test's queue. */
    @Test
    void listsArriveElementByElementWhateverTheElementsHold() {
        String municipality = nl.beslisstraat.engine.support.TestDatabase.newMunicipality();
        try (nl.beslisstraat.engine.tenancy.Municipality.Scope own =
                nl.beslisstraat.engine.tenancy.Municipality.enter(municipality)) {
            listsArriveElementByElement();
        }
    }

    private void listsArriveElementByElement() {
        long caseId = cases.enqueue(new CaseApplication(
                "PARKING_PERMIT",
                java.time.LocalDate.of(2026, 3, 15),
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        List<String> codes = java.util.Arrays.asList("PLAIN", "with \"quote\"", "back\\slash", "{brace},comma", null);

        reviewTasks.openAll(List.of(new ReviewTask(caseId, codes, null, java.time.LocalDate.of(2026, 4, 26))));

        List<String> stored = jdbc.queryForObject(
                "select reason_codes from review_tasks where case_id = ?",
                (row, n) -> java.util.Arrays.asList((String[]) row.getArray(1).getArray()),
                caseId);
        assertThat(stored).isEqualTo(codes);
    }

    @Test
    void textWithQuotesBracesBackslashesTabsAndLineBreaksArrivesUnchanged() {
        String awkward = "a \"quoted\" {brace}, a comma\\, a backslash \\ a tab\t, lines\r\nand NULL and € ü";
        String details = "{\"note\": \""
                + awkward.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\t", "\\t")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n")
                + "\"}";

        audit.appendAll(List.of(
                new AuditEntry(awkward, "BULK_TEST", "bulk", "1", details),
                new AuditEntry("NULL", "BULK_TEST", "bulk", "2", "{}")));

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select actor, details->>'note' as note from audit_log where action = 'BULK_TEST' order by subject_id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("actor", awkward).containsEntry("note", awkward);
        assertThat(rows.get(1)).containsEntry("actor", "NULL");
        assertThat(rows.get(1).get("note")).isNull();
    }

    @Test
    void aBatchWithOneRefusedRowStoresNoneOfIt() {
        Long before = jdbc.queryForObject("select count(*) from audit_log where action = 'BULK_REFUSED'", Long.class);

        assertThatThrownBy(() -> audit.appendAll(List.of(
                        new AuditEntry("engine", "BULK_REFUSED", "bulk", "1", "{}"),
                        new AuditEntry("engine", "BULK_REFUSED", "bulk", "2", "not json"))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'BULK_REFUSED'", Long.class))
                .isEqualTo(before);
    }
}
