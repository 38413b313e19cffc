package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.beslisstraat.engine.regulation.table.Verification;

/**
 * An uploaded rule-set version and where it is in its life: draft, approved, withdrawn.
 *
 * @param verification what the analysis of its decision table found; null when there is none
 *     (a version stored before tables were verified)
 */
public record Candidate(
        long id,
        String caseType,
        String version,
        String format,
        String author,
        OffsetDateTime uploadedAt,
        String status,
        String approver,
        OffsetDateTime approvedAt,
        LocalDate effectiveFrom,
        long passed,
        long failed,
        List<ExampleResult> examples,
        Authorship authorship,
        Verification verification) {

    static Candidate of(
            long id,
            String caseType,
            String version,
            String format,
            String author,
            OffsetDateTime uploadedAt,
            String status,
            String approver,
            OffsetDateTime approvedAt,
            LocalDate effectiveFrom,
            List<ExampleResult> examples,
            Authorship authorship,
            Verification verification) {
        long passed = examples.stream().filter(ExampleResult::passed).count();
        return new Candidate(
                id,
                caseType,
                version,
                format,
                author,
                uploadedAt,
                status,
                approver,
                approvedAt,
                effectiveFrom,
                passed,
                examples.size() - passed,
                examples,
                authorship,
                verification);
    }
}
