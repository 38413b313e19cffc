package nl.beslisstraat.engine.audit;

import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.database.BulkInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Appends to the audit trail; there is deliberately no way to change or remove an entry. */
@Repository
public class AuditLog {

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void appendAll(List<AuditEntry> entries) {
        BulkInsert.into(
                jdbc.getDataSource(),
                "audit_log",
                List.of("actor", "action", "subject_type", "subject_id", "details"),
                entries,
                entry -> new Object[] {
                    entry.actor(), entry.action(), entry.subjectType(), entry.subjectId(), entry.details()
                });
    }

    public List<Map<String, Object>> entriesFor(String subjectType, String subjectId) {
        return jdbc.queryForList(
                "select at, actor, action, details::text as details from audit_log"
                        + " where subject_type = ? and subject_id = ? order by id",
                subjectType,
                subjectId);
    }
}
