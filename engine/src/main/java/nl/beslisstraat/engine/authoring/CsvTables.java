package nl.beslisstraat.engine.authoring;

import nl.beslisstraat.engine.database.WrittenText;
import nl.beslisstraat.engine.regulation.Phrase;

/** What CSV uploads (example cases, norm tables) share. */
final class CsvTables {

    private CsvTables() {}

    /** Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the first cell. */
    static String withoutByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }

    /**
     * The CSV as the database can keep it, or refused naming the line: PostgreSQL refuses a NUL
     * character anywhere, also in a comment line that no reader looks at.
     *
     * @param source how the officer knows the file, such as "eigen voorbeeldgevallen"
     */
    static String storable(String csv, Phrase source) {
        int line = WrittenText.firstUnstorableLine(csv);
        if (line > 0) {
            throw new InvalidUpload(Phrase.of(
                    "{0}, regel {1}: de tekst bevat een teken dat niet bewaard kan worden (het NUL-teken of een"
                            + " half tekenpaar); haal het weg.",
                    "{0}, line {1}: the text holds a character that cannot be stored (the NUL character or half"
                            + " of a character pair); remove it.",
                    source,
                    line));
        }
        return csv;
    }

    /**
     * An officer's note on an upload, or refused: one line the approving colleague reads as written,
     * without control, invisible or direction-changing characters. Blank is no note.
     */
    static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (!WrittenText.oneVisibleLine(note)) {
            throw new InvalidUpload(new Phrase(
                    "note: de toelichting moet één regel zichtbare tekst zijn, zonder regeleinde, stuurteken,"
                            + " onzichtbaar teken of teken dat de leesrichting omdraait.",
                    "note: the note must be one line of visible text, without a line break, control character,"
                            + " invisible character or character that turns the reading direction."));
        }
        return note;
    }
}
