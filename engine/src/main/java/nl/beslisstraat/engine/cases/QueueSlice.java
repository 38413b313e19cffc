package nl.beslisstraat.engine.cases;

/**
 * One of {@code of} disjoint slices of the queue (by case id modulo {@code of}), so that several
 * workers can take cases from the queue at once without ever taking the same case.
 */
public record QueueSlice(int index, int of) {

    public static final QueueSlice WHOLE = new QueueSlice(0, 1);

    public QueueSlice {
        if (of < 1 || index < 0 || index >= of) {
            throw new IllegalArgumentException("Slice " + index + " of " + of + " does not exist");
        }
    }
}
