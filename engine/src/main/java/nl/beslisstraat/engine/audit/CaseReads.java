package nl.beslisstraat.engine.audit;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records that a person read a case: who, when and which case, in the audit trail (and so in its
 * chain), for the auditor to see who looked at whose data. Subject type {@code case-read} keeps
 * these apart from the entries that change a case.
 */
@Component
public class CaseReads {

    public static final String ACTION = "CASE_READ";

    private final AuditLog audit;

    CaseReads(AuditLog audit) {
        this.audit = audit;
    }

    public void record(String reader, long caseId, String where) {
        audit.appendAll(List.of(new AuditEntry(
                reader, ACTION, "case-read", Long.toString(caseId), "{\"via\":\"" + where.replace("\"", "") + "\"}")));
    }
}
