package nl.beslisstraat.engine.audit;

import java.util.List;
import java.util.Map;
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
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into audit_log (actor, action, subject_type, subject_id, details) values (?, ?, ?, ?, ?::jsonb)",
                entries,
                entries.size(),
                (insert, entry) -> {
                    insert.setString(1, entry.actor());
                    insert.setString(2, entry.action());
                    insert.setString(3, entry.subjectType());
                    insert.setString(4, entry.subjectId());
                    insert.setString(5, entry.details());
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
