package nl.beslisstraat.engine.authoring;

/** What CSV uploads (example cases, norm tables) share. */
final class CsvTables {

    private CsvTables() {}

    /** Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the first cell. */
    static String withoutByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }
}
