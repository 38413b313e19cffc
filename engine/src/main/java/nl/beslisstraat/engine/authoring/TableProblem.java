package nl.beslisstraat.engine.authoring;

/**
 * One thing wrong with an uploaded table, where a policy officer finds it: sheet, row (as the
 * spreadsheet numbers it, from 1) and column letter; 0 and empty when it is about the whole file.
 */
public record TableProblem(String sheet, int row, String column, String message) {

    static TableProblem ofFile(String message) {
        return new TableProblem("", 0, "", message);
    }

    @Override
    public String toString() {
        return sheet.isEmpty() ? message : sheet + "!" + column + row + ": " + message;
    }
}
