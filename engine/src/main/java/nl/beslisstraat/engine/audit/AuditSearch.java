package nl.beslisstraat.engine.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The auditor's search of the audit trail of the current municipality (row-level security keeps
 * it there): by case, person, rule-set or norm version, action and period, newest first, a page
 * at a time. Every criterion is a bound parameter; only fixed text is ever added to the SQL.
 *
 * <p>The trail is the audit log together with the automated decisions, each shown as its case's
 * CASE_DECIDED entry (the {@code audit_trail} view). A criterion on a case or a run is written per
 * source, so that the decisions' own indexes find them.
 */
@Repository
public class AuditSearch {

    public static final int PAGE_SIZE = 50;

    /** What to look for; a null or blank criterion matches everything. */
    public record Criteria(
            String caseId,
            String actor,
            String version,
            String action,
            LocalDate from,
            LocalDate to,
            String run,
            int page) {

        public Criteria {
            caseId = blankToNull(caseId);
            run = blankToNull(run);
            actor = blankToNull(actor);
            version = blankToNull(version);
            action = blankToNull(action);
            page = Math.max(page, 0);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** One audit entry as found. */
    public record Found(
            long id,
            OffsetDateTime at,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            String details,
            String chain,
            long chainPosition) {}

    /** A page of entries, and whether there is a next one. */
    public record Page(List<Found> entries, int page, boolean hasNext) {}

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(Criteria criteria) {
        StringBuilder sql = new StringBuilder(
                "select id, at, actor, action, subject_type, subject_id, details::text as details, chain_table,"
                        + " chain_position from audit_trail where true");
        List<Object> parameters = new ArrayList<>();
        if (criteria.caseId() != null) {
            // a case's own entries and those of its review tasks, as its history shows them
            sql.append(
                    " and ((chain_table = 'audit_log' and ((subject_type in ('case', 'case-read') and subject_id = ?)"
                            + " or (subject_type = 'review-task'"
                            + " and subject_id in (select id::text from review_tasks where case_id::text = ?))))"
                            + " or (chain_table = 'decisions' and case_id = ?))");
            parameters.add(criteria.caseId());
            parameters.add(criteria.caseId());
            parameters.add(number(criteria.caseId()));
        }
        if (criteria.actor() != null) {
            sql.append(" and actor = ?");
            parameters.add(criteria.actor());
        }
        if (criteria.version() != null) {
            sql.append(" and ((subject_type in ('rule-set-version', 'norm-version') and subject_id = ?)"
                    + " or details->>'ruleSetVersion' = ? or details->>'normVersion' = ?)");
            parameters.add(criteria.version());
            parameters.add(criteria.version());
            parameters.add(criteria.version());
        }
        if (criteria.run() != null) {
            // the decisions a nightly run made, and what schedulers and managers did with the run
            sql.append(
                    " and ((chain_table = 'audit_log' and (details->>'runId' = ? or (subject_type = 'run' and subject_id = ?)))"
                            + " or (chain_table = 'decisions' and run_id = ?))");
            parameters.add(criteria.run());
            parameters.add(criteria.run());
            parameters.add(number(criteria.run()));
        }
        if (criteria.action() != null) {
            sql.append(" and action = ?");
            parameters.add(criteria.action());
        }
        if (criteria.from() != null) {
            sql.append(" and at >= (?::date)::timestamp at time zone 'Europe/Amsterdam'");
            parameters.add(criteria.from());
        }
        if (criteria.to() != null) {
            sql.append(" and at < (?::date + 1)::timestamp at time zone 'Europe/Amsterdam'");
            parameters.add(criteria.to());
        }
        sql.append(" order by at desc, id desc limit ? offset ?");
        parameters.add(PAGE_SIZE + 1);
        parameters.add((long) criteria.page() * PAGE_SIZE);
        List<Found> found = jdbc.query(
                sql.toString(),
                (row, n) -> new Found(
                        row.getLong("id"),
                        row.getObject("at", OffsetDateTime.class),
                        row.getString("actor"),
                        row.getString("action"),
                        row.getString("subject_type"),
                        row.getString("subject_id"),
                        row.getString("details"),
                        row.getString("chain_table"),
                        row.getLong("chain_position")),
                parameters.toArray());
        boolean hasNext = found.size() > PAGE_SIZE;
        return new Page(hasNext ? found.subList(0, PAGE_SIZE) : found, criteria.page(), hasNext);
    }

    /** A case or run number as the decisions keep it; text that is no number matches none. */
    private static Long number(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The actions that occur in the trail, for the search form's list. */
    public List<String> actions() {
        return jdbc.queryForList(
                "select action from audit_log union select 'CASE_DECIDED' where exists (select from decisions where automated)"
                        + " order by action",
                String.class);
    }
}
