package nl.beslisstraat.engine.authoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Decision tables as CSV, for officers who keep them in a text editor or export them from
 * another tool: the same rows and columns as the spreadsheet, one file per worksheet. A CSV is
 * turned into a one-sheet workbook of text cells, and from there it takes exactly the road of an
 * XLSX upload (template check, compiling, diff): one check, one compiler, whatever the format.
 */
final class CsvTables {

    private static final DataFormatter CELLS = new DataFormatter();

    private CsvTables() {}

    /**
     * The CSV as a workbook with one sheet named like the template's, with the template's merged
     * cells: a merged pattern cell is what makes the conditions under it one pattern, and a CSV
     * cannot say so itself. (The template check makes sure the code rows are the template's.)
     */
    static byte[] toWorkbook(byte[] csv, byte[] template) {
        try (Workbook locked = WorkbookFactory.create(new ByteArrayInputStream(template));
                CSVParser parser = CSVParser.parse(
                        withoutByteOrderMark(new String(csv, StandardCharsets.UTF_8)),
                        // an empty line is an empty row: it ends a table, as in the spreadsheet
                        CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get());
                XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet lockedSheet = locked.getSheetAt(0);
            Sheet sheet = workbook.createSheet(lockedSheet.getSheetName());
            int r = 0;
            for (CSVRecord record : parser) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c);
                    // an empty cell is still a cell: under a merged pattern it takes the pattern
                    Cell cell = row.createCell(c);
                    if (!value.isEmpty()) {
                        cell.setCellValue(value);
                    }
                }
            }
            lockedSheet.getMergedRegions().forEach(sheet::addMergedRegion);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException unreadable) {
            throw new InvalidUpload(List.of("Het bestand is geen leesbare CSV: " + unreadable.getMessage()));
        }
    }

    /** The first sheet of a workbook as CSV: the template an officer starts a CSV upload from. */
    static String toCsv(byte[] workbookBytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(workbookBytes));
                StringWriter out = new StringWriter();
                CSVPrinter printer = new CSVPrinter(
                        out,
                        CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : CELLS.formatCellValue(row.getCell(c)));
                }
                printer.printRecord(cells);
            }
            printer.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int sheets(byte[] workbookBytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(workbookBytes))) {
            return workbook.getNumberOfSheets();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the first cell. */
    static String withoutByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }
}
