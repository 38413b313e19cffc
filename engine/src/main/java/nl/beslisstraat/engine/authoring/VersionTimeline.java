package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
     * @param applied whether it applied on any day: false for a draft, a withdrawn version, and a
     *     version another one took over from on its first day
     */
    public record Entry(Version version, State state, LocalDate effectiveUntil, boolean applied) {

        public boolean shipped() {
            return version.candidateId() == null;
        }

        public boolean inForce() {
            return state == State.IN_FORCE;
        }
    }

    private VersionTimeline() {}

    /**
     * The line, newest first: drafts and withdrawn drafts on top (newest upload first), then the
     * versions with an effective date by that date.
     *
     * @param versions the versions, oldest upload first (shipped ones before uploads)
     * @param inForceOn the label of the version in force on a date, as the catalog that decides
     *     cases answers it (null when none is): it says which version is in force today, and which
     *     of two versions with the same effective date took over
     */
    public static List<Entry> of(List<Version> versions, Function<LocalDate, String> inForceOn, LocalDate today) {
        List<Version> applying = new ArrayList<>();
        for (Version version : versions) {
            if (version.status().equals("APPROVED") && version.effectiveFrom() != null) {
                applying.add(version);
            }
        }
        Map<LocalDate, String> winners = new HashMap<>();
        applying.forEach(version -> winners.computeIfAbsent(version.effectiveFrom(), inForceOn));
        // by date; on one date the version the catalog chose comes last: it is the one that took over
        applying.sort(Comparator.comparing(Version::effectiveFrom)
                .thenComparing(version -> version.version().equals(winners.get(version.effectiveFrom()))));
        String inForce = inForceOn.apply(today);
        List<Entry> line = new ArrayList<>();
        for (Version version : versions) {
            if (!applying.contains(version)) {
                boolean withdrawn = version.status().equals("WITHDRAWN");
                line.add(new Entry(version, withdrawn ? State.WITHDRAWN : State.DRAFT, null, false));
                continue;
            }
            int at = applying.indexOf(version);
            Version next = at + 1 < applying.size() ? applying.get(at + 1) : null;
            LocalDate until = next == null ? null : next.effectiveFrom().minusDays(1);
            boolean applied = until == null || !until.isBefore(version.effectiveFrom());
            State state = version.version().equals(inForce)
                    ? State.IN_FORCE
                    : version.effectiveFrom().isAfter(today) ? State.PLANNED : State.SUPERSEDED;
            line.add(new Entry(version, state, applied ? until : null, applied));
        }
        List<Entry> newestFirst = new ArrayList<>();
        List<Entry> undated = new ArrayList<>(line.stream()
                .filter(entry -> !applying.contains(entry.version()))
                .toList());
        Collections.reverse(undated);
        newestFirst.addAll(undated);
        for (int i = applying.size() - 1; i >= 0; i--) {
            Version version = applying.get(i);
            line.stream()
                    .filter(entry -> entry.version() == version)
                    .findFirst()
                    .ifPresent(newestFirst::add);
        }
        return newestFirst;
    }
}
