package nl.beslisstraat.engine.regulation.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import nl.beslisstraat.engine.regulation.Phrase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a decision table saved as CSV (UTF-8, comma-separated, the layout of the spreadsheet's
 * one sheet) into a {@link Grid}. Every cell is text; the template's column types decide what it
 * must hold.
 */
final class CsvReader {

    private CsvReader() {}

    static Grid read(byte[] csv, String sheet) {
        if (csv.length > WorkbookReader.MAX_BYTES) {
            throw new TableRefused(Phrase.of(
                    "Het bestand is groter dan {0} MB.",
                    "The file is larger than {0} MB.", WorkbookReader.MAX_BYTES / 1024 / 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(csv))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new TableRefused(new Phrase(
                    "Het bestand is geen CSV in UTF-8; sla het op als 'CSV UTF-8'.",
                    "The file is no CSV in UTF-8; save it as 'CSV UTF-8'."));
        }
        Grid grid = new Grid(sheet);
        // an empty line is an empty row: it ends a table, as in the spreadsheet
        CSVFormat format =
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(text), format)) {
            int r = 0;
            for (CSVRecord record : parser) {
                if (r >= Grid.MAX_ROWS) {
                    throw new TableRefused(Phrase.of(
                            "Het bestand heeft meer dan {0} regels.",
                            "The file has more than {0} lines.", Grid.MAX_ROWS));
                }
                if (record.size() > Grid.MAX_COLUMNS) {
                    throw new TableRefused(Phrase.of(
                            "Regel {0} heeft meer dan {1} kolommen.",
                            "Line {0} has more than {1} columns.", r + 1, Grid.MAX_COLUMNS));
                }
                for (int c = 0; c < record.size(); c++) {
                    grid.put(r, c, record.get(c));
                }
                r++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException unreadable) {
            throw new TableRefused(Phrase.of(
                    "Het bestand is geen leesbare CSV: {0}",
                    "The file is no readable CSV: {0}", unreadable.getMessage()));
        }
        return grid;
    }

    /** Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the first cell. */
    static String withoutByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }
}
