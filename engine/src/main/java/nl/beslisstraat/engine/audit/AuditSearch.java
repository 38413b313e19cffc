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
            long chainPosition) {}

    /** A page of entries, and whether there is a next one. */
    public record Page(List<Found> entries, int page, boolean hasNext) {}

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(Criteria criteria) {
        StringBuilder sql = new StringBuilder(
                "select id, at, actor, action, subject_type, subject_id, details::text as details, chain_position"
                        + " from audit_log where true");
        List<Object> parameters = new ArrayList<>();
        if (criteria.caseId() != null) {
            // a case's own entries and those of its review tasks, as its history shows them
            sql.append(
                    " and ((subject_type in ('case', 'case-read') and subject_id = ?) or (subject_type = 'review-task'"
                            + " and subject_id in (select id::text from review_tasks where case_id::text = ?)))");
            parameters.add(criteria.caseId());
            parameters.add(criteria.caseId());
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
            sql.append(" and (details->>'runId' = ? or (subject_type = 'run' and subject_id = ?))");
            parameters.add(criteria.run());
            parameters.add(criteria.run());
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
                        row.getLong("chain_position")),
                parameters.toArray());
        boolean hasNext = found.size() > PAGE_SIZE;
        return new Page(hasNext ? found.subList(0, PAGE_SIZE) : found, criteria.page(), hasNext);
    }

    /** The actions that occur in the trail, for the search form's list. */
    public List<String> actions() {
        return jdbc.queryForList("select distinct action from audit_log order by action", String.class);
    }
}
