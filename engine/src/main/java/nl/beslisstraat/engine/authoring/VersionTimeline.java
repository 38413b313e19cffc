package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The life of every version of one artefact an officer versions (a regulation's decision table,
 * a municipality's local choices, the norm table) on one line: which version applies from which
 * date until which date, which one is in force today, which are planned, superseded, still a
 * draft or withdrawn, and who did what when. One life cycle for all three: the pages show the
 * same line whatever the artefact.
 */
public final class VersionTimeline {

    /** Where a version stands today. */
    public enum State {
        /** Approved (or shipped) and in force today: decisions with a reference date of today use it. */
        IN_FORCE,
        /** Approved, in force from a date after today. */
        PLANNED,
        /** Approved and in force once; a later version took over. */
        SUPERSEDED,
        /** Uploaded, not yet approved. */
        DRAFT,
        /** Withdrawn: a draft or a planned version that will never apply. */
        WITHDRAWN
    }

    /**
     * One step in a version's life, from the audit trail.
     *
     * @param kind UPLOADED, REACTIVATED, APPROVED, WITHDRAWN or SHIPPED
     * @param effectiveFrom the date an approval set; null for other steps
     */
    public record Step(String kind, String actor, OffsetDateTime at, LocalDate effectiveFrom) {}

    /**
     * A version as its artefact knows it.
     *
     * @param candidateId the officer's upload, to open; null for a version shipped with the product
     * @param status DRAFT, APPROVED or WITHDRAWN (a shipped version is APPROVED)
     * @param effectiveFrom null while a draft
     * @param passed example cases with the expected outcome; null when not known
     */
    public record Version(
            String version,
            Long candidateId,
            String status,
            LocalDate effectiveFrom,
            List<Step> steps,
            Long passed,
            Long failed) {}

    /**
     * A version on the line.
     *
     * @param effectiveUntil the last day it applies (the day before the next version takes
     *     over); null when no later version follows, or when it never applied
     */
    public record Entry(Version version, State state, LocalDate effectiveUntil) {

        public boolean shipped() {
            return version.candidateId() == null;
        }

        public boolean inForce() {
            return state == State.IN_FORCE;
        }
    }

    private VersionTimeline() {}

    /**
     * The line, newest first: versions with an effective date by that date (the later approval
     * first on the same date), drafts and withdrawn drafts above them by upload.
     *
     * @param versions the versions, oldest upload first (shipped ones before uploads)
     * @param inForce the label of the version in force today, as the catalog that decides cases
     *     answers it; null when none is
     */
    public static List<Entry> of(List<Version> versions, String inForce, LocalDate today) {
        List<Version> applying = new ArrayList<>();
        for (Version version : versions) {
            if (version.status().equals("APPROVED") && version.effectiveFrom() != null) {
                applying.add(version);
            }
        }
        // stable: on the same date the later approval (later in the list) takes over
        applying.sort(Comparator.comparing(Version::effectiveFrom));
        List<Entry> line = new ArrayList<>();
        for (Version version : versions) {
            State state;
            LocalDate until = null;
            if (version.status().equals("DRAFT")) {
                state = State.DRAFT;
            } else if (version.status().equals("WITHDRAWN")) {
                state = State.WITHDRAWN;
            } else if (version.effectiveFrom() == null) {
                state = State.DRAFT;
            } else {
                int at = applying.indexOf(version);
                Version next = at + 1 < applying.size() ? applying.get(at + 1) : null;
                until = next == null ? null : next.effectiveFrom().minusDays(1);
                if (version.version().equals(inForce)) {
                    state = State.IN_FORCE;
                } else if (version.effectiveFrom().isAfter(today)) {
                    state = State.PLANNED;
                } else {
                    state = State.SUPERSEDED;
                }
                if (until != null && until.isBefore(version.effectiveFrom())) {
                    until = null; // taken over on its first day: it never applied
                }
            }
            line.add(new Entry(version, state, until));
        }
        line.sort(Comparator.comparing((Entry entry) -> entry.version().effectiveFrom() == null ? 0 : 1)
                .thenComparing(
                        entry -> entry.version().effectiveFrom() == null
                                ? LocalDate.MIN
                                : entry.version().effectiveFrom(),
                        Comparator.reverseOrder()));
        // newest upload first among equals: reverse the stable order within a date
        List<Entry> newestFirst = new ArrayList<>();
        int i = 0;
        while (i < line.size()) {
            int j = i;
            while (j < line.size() && sameDate(line.get(i), line.get(j))) {
                j++;
            }
            List<Entry> group = new ArrayList<>(line.subList(i, j));
            java.util.Collections.reverse(group);
            newestFirst.addAll(group);
            i = j;
        }
        return newestFirst;
    }

    private static boolean sameDate(Entry a, Entry b) {
        return java.util.Objects.equals(a.version().effectiveFrom(), b.version().effectiveFrom());
    }
}
