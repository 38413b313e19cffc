package nl.beslisstraat.engine.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The review queue as the API shows it, for tests that need a case in it and that case's open task. */
public final class ReviewQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReviewQueue() {}

    /**
     * Sends an application (a test resource the rules send to a person) in through the intake API,
     * and returns the new case's number.
     */
    public static long escalate(int port, String application) {
        String body = new Http(port)
                .as(TestUsers.INTAKE)
                .post("/api/cases/decide-now", "application/json", Http.resource(application))
                .body();
        return JSON.readTree(body).path("id").asLong();
    }

    /** The open review task of a case, among the first 100 of the queue; fails the test when there is none. */
    public static long openTaskOf(int port, long caseId) {
        String body = new Http(port)
                .as(TestUsers.REVIEWER)
                .get("/api/review/tasks?size=100")
                .body();
        for (JsonNode item : JSON.readTree(body).path("items")) {
            if (item.path("caseId").asLong() == caseId) {
                return item.path("taskId").asLong();
            }
        }
        throw new AssertionError("no open task for case " + caseId + " in the first 100: " + body);
    }
}
