package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An uploaded norm table version and where it is in its life: draft, approved (a norm version in
 * force from {@code effectiveFrom}), withdrawn.
 */
public record NormCandidate(
        long id,
        String version,
        String note,
        String author,
        OffsetDateTime uploadedAt,
        String status,
        String approver,
        OffsetDateTime approvedAt,
        LocalDate effectiveFrom,
        long passed,
        long failed,
        List<ExampleResult> examples,
        Authorship authorship) {

    static NormCandidate of(
            long id,
            String version,
            String note,
            String author,
            OffsetDateTime uploadedAt,
            String status,
            String approver,
            OffsetDateTime approvedAt,
            LocalDate effectiveFrom,
            List<ExampleResult> examples,
            Authorship authorship) {
        long passed = examples.stream().filter(ExampleResult::passed).count();
        return new NormCandidate(
                id,
                version,
                note,
                author,
                uploadedAt,
                status,
                approver,
                approvedAt,
                effectiveFrom,
                passed,
                examples.size() - passed,
                examples,
                authorship);
    }
}
