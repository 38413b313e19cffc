package nl.beslisstraat.batch.nightly;

/**
 * How many cases a run decided, by outcome. {@code toReview} counts the cases the rules sent to a
 * person; {@code failed} the cases that could not be decided at all (they go to review too). The
 * parts add up: read = granted + partiallyGranted + rejected + toReview + failed.
 */
public record RunCounts(long read, long granted, long partiallyGranted, long rejected, long toReview, long failed) {

    static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);

    RunCounts plus(RunCounts other) {
        return new RunCounts(
                read + other.read,
                granted + other.granted,
                partiallyGranted + other.partiallyGranted,
                rejected + other.rejected,
                toReview + other.toReview,
                failed + other.failed);
    }

    static RunCounts of(String outcome, boolean failed, long count) {
        if (failed) {
            return new RunCounts(count, 0, 0, 0, 0, count);
        }
        return switch (outcome) {
            case "GRANTED" -> new RunCounts(count, count, 0, 0, 0, 0);
            case "PARTIALLY_GRANTED" -> new RunCounts(count, 0, count, 0, 0, 0);
            case "REJECTED" -> new RunCounts(count, 0, 0, count, 0, 0);
            default -> new RunCounts(count, 0, 0, 0, count, 0);
        };
    }
}
