package nl.beslisstraat.engine.norms;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.beslisstraat.engine.regulation.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a norm version as the CSV {@link NormTableReader} reads: the file an officer downloads,
 * changes in a spreadsheet and uploads as the next version.
 */
final class NormTableWriter {

    private NormTableWriter() {}

    static String write(NormVersion version) {
        // alphabetical: the same file whether the version was read from a CSV or from the database
        Set<String> keyColumns = new TreeSet<>();
        version.amounts().forEach(row -> keyColumns.addAll(row.keys().keySet()));
        List<String> header = new ArrayList<>();
        header.add("norm");
        header.addAll(keyColumns);
        header.addAll(List.of("validFrom", "validUntil", "amount"));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setCommentMarker('#')
                        .setRecordSeparator("\n")
                        .get())) {
            printer.printComment("Normbedragen, versie " + version.version() + ", van kracht vanaf "
                    + version.effectiveFrom() + ". Lege validUntil: tot nader order.");
            printer.printRecord(header.stream().map(SpreadsheetText::cell).toList());
            for (NormAmount row : version.amounts()) {
                List<String> cells = new ArrayList<>();
                cells.add(SpreadsheetText.cell(row.norm()));
                keyColumns.forEach(
                        column -> cells.add(SpreadsheetText.cell(row.keys().getOrDefault(column, ""))));
                cells.add(row.validFrom().toString());
                cells.add(row.validUntil() == null ? "" : row.validUntil().toString());
                cells.add(row.amount().toPlainString());
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
