package nl.beslisstraat.engine.regulation.table;

import java.util.List;

/**
 * A decision table that cannot be read into its template, with every problem found, each naming
 * the cell (sheet, column and row as the spreadsheet shows them) or the part of the file.
 */
public class TableRefused extends RuntimeException {

    private final List<String> problems;

    TableRefused(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    TableRefused(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
