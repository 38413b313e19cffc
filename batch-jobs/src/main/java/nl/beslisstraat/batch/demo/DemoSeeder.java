package nl.beslisstraat.batch.demo;

import java.util.ArrayList;
import java.util.List;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Queues demo applications in slices, so seeding a million cases needs no more memory than ten. */
@Component
public class DemoSeeder {

    private static final int SLICE = 5_000;

    private final CaseStore cases;
    private final JdbcTemplate jdbc;

    DemoSeeder(CaseStore cases, JdbcTemplate jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    public void seed(int count) {
        DemoApplications applications = new DemoApplications(20261130L + count);
        List<CaseApplication> slice = new ArrayList<>(SLICE);
        for (int i = 0; i < count; i++) {
            slice.add(applications.next());
            if (slice.size() == SLICE || i == count - 1) {
                cases.enqueueAll(slice);
                slice.clear();
            }
        }
    }

    /** After the demo run: where a newcomer looks next. */
    public void printWhatToLookAtNext() {
        String examples = String.join(
                "\n",
                jdbc.queryForList(
                        "select distinct on (d.outcome) '    ' || rpad(d.outcome, 13) || 'case ' || d.case_id"
                                + " || '  http://localhost:8080/api/cases/' || d.case_id"
                                + " from decisions d order by d.outcome, d.id desc",
                        String.class));
        System.out.println("""

                What to look at next
                  1. Start the engine's REST API on the same embedded database (in another terminal):
                       java -jar engine/target/engine-0.1.0-SNAPSHOT-exec.jar
                  2. Open a decided case, with its motivation and the rules that fired:
                %s
                  3. Read docs/operations.md (nightly runs, restarts) and docs/architecture.md (how a case flows).
                  4. Run the demo again to queue and decide more; the embedded database keeps everything
                     in ~/.beslisstraat (delete that folder to start afresh).
                """.formatted(examples));
    }
}
