package nl.beslisstraat.engine.regulation.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a decision table in its template's layout, as the XLSX or CSV an officer starts a new
 * version from: what {@link TableReader} reads back into the same rows.
 */
public final class TableWriter {

    private TableWriter() {}

    public static byte[] xlsx(DecisionTable table, String sheetName) {
        List<List<Object>> lines = lines(table);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle locked = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            locked.setFont(bold);
            locked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (int r = 0; r < lines.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                List<Object> line = lines.get(r);
                boolean templateRow = isTemplateRow(line);
                for (int c = 0; c < line.size(); c++) {
                    Object value = line.get(c);
                    if (value == null || value.toString().isEmpty()) {
                        continue;
                    }
                    XSSFCell cell = row.createCell(c);
                    if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                    if (templateRow && !(r == 1 && c == 1)) {
                        cell.setCellStyle(locked);
                    }
                }
            }
            sheet.setColumnWidth(0, 60 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String csv(DecisionTable table) {
        try (StringWriter out = new StringWriter();
                CSVPrinter printer = new CSVPrinter(
                        out,
                        CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            for (List<Object> line : lines(table)) {
                List<String> cells = new ArrayList<>();
                line.forEach(value -> cells.add(
                        value instanceof BigDecimal number
                                ? number.toPlainString()
                                : value == null ? "" : SpreadsheetText.cell(value.toString())));
                printer.printRecord(cells);
            }
            printer.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTemplateRow(List<Object> line) {
        return !line.isEmpty() && line.get(0) instanceof Locked;
    }

    /** A cell of the template, as opposed to a value. */
    private record Locked(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static List<List<Object>> lines(DecisionTable table) {
        TableTemplate template = table.template();
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of(new Locked(template.title())));
        lines.add(List.of(new Locked(TableTemplate.NOTES), table.note()));
        for (int t = 0; t < template.tables().size(); t++) {
            TableTemplate.Table spec = template.tables().get(t);
            lines.add(List.of());
            lines.add(List.of(new Locked(TableTemplate.TABLE_PREFIX + spec.title())));
            List<Object> headings = new ArrayList<>();
            TableTemplate.headings(spec).forEach(heading -> headings.add(new Locked(heading)));
            lines.add(headings);
            for (TableRow row : table.rowsOf(t)) {
                List<Object> line = new ArrayList<>();
                line.add(row.name());
                Map<String, String> cells = table.cells(row);
                int c = 0;
                for (String value : cells.values()) {
                    line.add(numeric(spec, c++, row, value));
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /** Numbers go into the sheet as numbers, so that a spreadsheet can sort and check them. */
    private static Object numeric(TableTemplate.Table spec, int column, TableRow row, String text) {
        if (column < spec.conditions().size()) {
            Criterion criterion = row.conditions().get(column);
            return criterion instanceof Criterion.Number number ? number.value() : text;
        }
        int extra = column - spec.conditions().size() - TableTemplate.OUTCOME_HEADINGS.size();
        if (extra >= 0
                && !text.isEmpty()
                && spec.extras().get(extra).kind() != TableTemplate.ExtraKind.DAY_OF_REFERENCE_YEAR) {
            return new BigDecimal(text);
        }
        return text;
    }
}
