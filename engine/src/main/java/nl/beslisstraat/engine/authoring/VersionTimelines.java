package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.norms.NormVersion;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.LocalChoices;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.stereotype.Component;

/**
 * The timelines on the officers' pages: the versions of a regulation's decision table (shipped
 * with the product and uploaded), of the municipality's local choices, and of the norm table, each
 * with the steps of its life as the audit trail recorded them. Which version is in force today is
 * asked of the catalogs that decide cases, so the page cannot disagree with the decisions.
 */
@Component
class VersionTimelines {

    private static final String RULE_SET_SUBJECT = "rule-set-version";
    private static final String NORM_SUBJECT = "norm-version";

    private final RuleSetCandidates ruleSets;
    private final NormCandidates norms;
    private final RegulationCatalog regulations;
    private final NormCatalog normCatalog;
    private final AuditLog audit;

    VersionTimelines(
            RuleSetCandidates ruleSets,
            NormCandidates norms,
            RegulationCatalog regulations,
            NormCatalog normCatalog,
            AuditLog audit) {
        this.ruleSets = ruleSets;
        this.norms = norms;
        this.regulations = regulations;
        this.normCatalog = normCatalog;
        this.audit = audit;
    }

    /** The decision table's versions of a case type: the model's shipped ones and the municipality's uploads. */
    List<VersionTimeline.Entry> ruleSets(String caseType) {
        LocalDate today = today();
        List<VersionTimeline.Version> versions = new ArrayList<>();
        regulations.shipped().stream()
                .filter(ruleSet -> ruleSet.caseType().equals(caseType))
                .forEach(ruleSet -> versions.add(shipped(label(caseType, ruleSet.version()), ruleSet.effectiveFrom())));
        uploadsOldestFirst(caseType, false).forEach(upload -> versions.add(version(upload)));
        String municipality = Municipality.current().orElse(null);
        return VersionTimeline.of(
                versions,
                date -> orNull(() -> label(
                        caseType,
                        municipality == null
                                ? regulations.inForce(caseType, date).version()
                                : regulations.base(municipality, caseType, date).version())),
                today);
    }

    /** The municipality's local choices on the case type's model, version by version. */
    List<VersionTimeline.Entry> choices(String caseType) {
        LocalDate today = today();
        List<VersionTimeline.Version> versions = new ArrayList<>();
        uploadsOldestFirst(caseType, true).forEach(upload -> versions.add(version(upload)));
        return VersionTimeline.of(
                versions,
                date -> Municipality.current()
                        .flatMap(municipality -> regulations.choicesInForce(municipality, caseType, date))
                        .map(LocalChoices::version)
                        .orElse(null),
                today);
    }

    /** The norm table's versions: shipped (or stored before officers uploaded) and uploaded. */
    List<VersionTimeline.Entry> norms() {
        LocalDate today = today();
        List<NormCandidate> uploads = new ArrayList<>(norms.all());
        java.util.Collections.reverse(uploads);
        Set<String> uploaded = new HashSet<>();
        uploads.forEach(upload -> uploaded.add(upload.version()));
        List<VersionTimeline.Version> versions = new ArrayList<>();
        for (NormVersion version : normCatalog.versions()) {
            if (!uploaded.contains(version.version())) {
                versions.add(shipped(version.version(), version.effectiveFrom()));
            }
        }
        for (NormCandidate upload : uploads) {
            versions.add(new VersionTimeline.Version(
                    upload.version(),
                    upload.id(),
                    upload.status(),
                    upload.effectiveFrom(),
                    steps(
                            NORM_SUBJECT,
                            upload.id(),
                            upload.author(),
                            upload.uploadedAt(),
                            upload.approver(),
                            upload.approvedAt(),
                            upload.effectiveFrom()),
                    upload.passed(),
                    upload.failed()));
        }
        return VersionTimeline.of(
                versions, date -> orNull(() -> normCatalog.inForce(date).version()), today);
    }

    private List<Candidate> uploadsOldestFirst(String caseType, boolean choices) {
        List<Candidate> uploads = new ArrayList<>(ruleSets.of(caseType).stream()
                .filter(upload -> upload.format().equals(RuleSetCandidates.CHOICES) == choices)
                .toList());
        java.util.Collections.reverse(uploads);
        return uploads;
    }

    private VersionTimeline.Version version(Candidate upload) {
        return new VersionTimeline.Version(
                upload.version(),
                upload.id(),
                upload.status(),
                upload.effectiveFrom(),
                steps(
                        RULE_SET_SUBJECT,
                        upload.id(),
                        upload.author(),
                        upload.uploadedAt(),
                        upload.approver(),
                        upload.approvedAt(),
                        upload.effectiveFrom()),
                upload.passed(),
                upload.failed());
    }

    private static VersionTimeline.Version shipped(String version, LocalDate effectiveFrom) {
        return new VersionTimeline.Version(
                version,
                null,
                "APPROVED",
                effectiveFrom,
                List.of(new VersionTimeline.Step("SHIPPED", null, null, effectiveFrom)),
                null,
                null);
    }

    /**
     * The version's steps from the audit trail; when the trail has none (a version stored before
     * its steps were logged), the upload and approval its own row records.
     */
    private List<VersionTimeline.Step> steps(
            String subject,
            long id,
            String author,
            OffsetDateTime uploadedAt,
            String approver,
            OffsetDateTime approvedAt,
            LocalDate effectiveFrom) {
        List<VersionTimeline.Step> steps = new ArrayList<>();
        for (Map<String, Object> entry : audit.entriesFor(subject, Long.toString(id))) {
            String kind = kind((String) entry.get("action"));
            if (kind != null) {
                steps.add(new VersionTimeline.Step(
                        kind,
                        (String) entry.get("actor"),
                        at(entry.get("at")),
                        kind.equals("APPROVED") ? effectiveFrom : null));
            }
        }
        if (steps.isEmpty()) {
            steps.add(new VersionTimeline.Step("UPLOADED", author, dutch(uploadedAt), null));
            if (approvedAt != null) {
                steps.add(new VersionTimeline.Step("APPROVED", approver, dutch(approvedAt), effectiveFrom));
            }
        }
        return steps;
    }

    /** The step an audit action records, by the action's last word; other actions are no step of the life cycle. */
    private static String kind(String action) {
        for (String kind : List.of("UPLOADED", "REACTIVATED", "APPROVED", "WITHDRAWN")) {
            if (action != null && action.endsWith("_" + kind)) {
                return kind;
            }
        }
        return null;
    }

    private static OffsetDateTime at(Object at) {
        OffsetDateTime moment = at instanceof OffsetDateTime time
                ? time
                : at instanceof java.sql.Timestamp timestamp
                        ? timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC)
                        : null;
        return dutch(moment);
    }

    /** The catalog's answer, or null where it has none (no version in force then, a regulation not started). */
    private static String orNull(java.util.function.Supplier<String> answer) {
        try {
            return answer.get();
        } catch (RuntimeException none) {
            return null;
        }
    }

    /** A moment as the officer reads it: in Dutch time (stored in UTC). */
    private static OffsetDateTime dutch(OffsetDateTime moment) {
        return moment == null
                ? null
                : moment.atZoneSameInstant(DecisionDeadline.NETHERLANDS).toOffsetDateTime();
    }

    /** {@code PARKING_PERMIT/2026.2} as the officer names it: {@code 2026.2}. */
    private static String label(String caseType, String version) {
        return version.startsWith(caseType + "/") ? version.substring(caseType.length() + 1) : version;
    }

    private static LocalDate today() {
        return LocalDate.now(DecisionDeadline.NETHERLANDS);
    }
}
