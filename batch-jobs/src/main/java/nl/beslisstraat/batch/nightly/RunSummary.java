package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a nightly run did, over all its executions (a restarted run counts once): counts per case
 * type and in total, and how many cases were still queued when it ended, over the municipalities of
 * the run and per municipality (by CBS code). A run for one municipality ({@code municipality})
 * covers that municipality only; a run without one covers every municipality.
 */
public record RunSummary(
        long runId,
        LocalDate runDate,
        String municipality,
        String status,
        Map<String, RunCounts> byCaseType,
        long stillQueued,
        Map<String, MunicipalityCounts> byMunicipality) {

    public RunSummary {
        byCaseType = new TreeMap<>(byCaseType); // case types in a fixed order, however they were stored
        // a summary stored before runs took every municipality has none
        byMunicipality = byMunicipality == null ? Map.of() : new TreeMap<>(byMunicipality);
    }

    public RunCounts total() {
        return byCaseType.values().stream().reduce(RunCounts.NONE, RunCounts::plus);
    }

    /** The report an operator reads at the end of a run. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append("Nightly run ").append(runDate);
        if (municipality != null) {
            MunicipalityCounts counted = byMunicipality.get(municipality);
            out.append(" for ").append(municipality).append(counted == null ? "" : " " + counted.name());
        }
        out.append(" (run ").append(runId).append("): ").append(status).append('\n');
        String format = "%-20s %9s %9s %9s %9s %9s %9s%n";
        out.append(
                String.format(format, "case type", "read", "granted", "partially", "rejected", "to review", "failed"));
        byCaseType.forEach((caseType, counts) -> out.append(line(format, caseType, counts)));
        out.append(line(format, "total", total()));
        out.append("Still queued: ").append(stillQueued).append('\n');
        if (!byMunicipality.isEmpty()) {
            String perMunicipality = "%-20s %9s %9s %9s %9s %9s %9s %12s%n";
            out.append(String.format(
                    perMunicipality,
                    "municipality",
                    "read",
                    "granted",
                    "partially",
                    "rejected",
                    "to review",
                    "failed",
                    "still queued"));
            byMunicipality.forEach((code, municipality) -> out.append(String.format(
                    perMunicipality,
                    code + " " + municipality.name(),
                    municipality.counts().read(),
                    municipality.counts().granted(),
                    municipality.counts().partiallyGranted(),
                    municipality.counts().rejected(),
                    municipality.counts().toReview(),
                    municipality.counts().failed(),
                    municipality.stillQueued())));
        }
        return out.toString();
    }

    private static String line(String format, String label, RunCounts counts) {
        return String.format(
                format,
                label,
                counts.read(),
                counts.granted(),
                counts.partiallyGranted(),
                counts.rejected(),
                counts.toReview(),
                counts.failed());
    }
}
