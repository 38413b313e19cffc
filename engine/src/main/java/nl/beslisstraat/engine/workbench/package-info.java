/**
 * The reviewers' workbench: the queue of escalated cases sorted by legal deadline, claiming and
 * releasing a task (one reviewer at a time), deciding with a written motivation beside the
 * engine's advice, reopening an automated decision on objection (bezwaar), and the dashboard,
 * whose figures open the list behind them (for an auditor, the read-only list of open tasks of
 * {@code AuditPages}).
 * The same operations as web pages ({@code ReviewPages}) and REST ({@code ReviewApi}), both on
 * {@link nl.beslisstraat.engine.workbench.ReviewWork}. On the pages a decision is checked and
 * shown for confirmation before it is recorded ({@code DecisionForm}), and errors are the
 * product's own pages ({@code ErrorPages}). Proved by {@code ReviewApiIntegrationTests},
 * {@code ReviewerBrowserTests}, {@code ReviewerFormsBrowserTests}, {@code DashboardBrowserTests} and {@code AuthorizationTests}.
 */
package nl.beslisstraat.engine.workbench;
