package nl.beslisstraat.engine.authoring;

import java.util.List;

/** An upload that is refused as a whole; nothing was stored, nothing changed. */
public class InvalidUpload extends RuntimeException {

    private final List<String> problems;

    public InvalidUpload(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
