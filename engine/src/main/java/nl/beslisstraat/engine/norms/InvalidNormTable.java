package nl.beslisstraat.engine.norms;

import java.util.List;

/** A norm table that cannot be accepted; each problem names its line and column. */
public class InvalidNormTable extends RuntimeException {

    private final List<String> problems;

    public InvalidNormTable(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
