package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Hostile uploads against the parking-permit table in force: every attempt to put code into a
 * table is refused before anything compiles it, naming where; an officer's data changes pass.
 */
class DecisionTableCheckTests {

    private static final String TEMPLATE = "nl/beslisstraat/rules/parkingpermit/2026.2/parking-permit.drl.xlsx";

    private final byte[] template = template();

    @Test
    void theTableInForceItselfPasses() {
        assertThat(DecisionTableCheck.check(template, template)).isEmpty();
    }

    @Test
    void anOfficersChangeOfAmountsTextsAndRowsPasses() {
        byte[] upload = edited(sheet -> {
            set(sheet, "Art. 7 lid 1: verlenen zone A", "Leges per jaar (EUR)", "250.00");
            set(sheet, "Art. 3 lid 1a: voertuig te lang, afwijzen", "Lengte voertuig (m) groter dan", "6.50");
            set(
                    sheet,
                    "Art. 3 lid 1a: voertuig te lang, afwijzen",
                    "Motivering (Nederlands)",
                    "Uw voertuig is {vehicleLength} m lang; het maximum is 6,50 m.");
        });
        assertThat(DecisionTableCheck.check(template, upload)).isEmpty();
    }

    @Test
    void refusesAnActionThatCallsSystemExit() {
        byte[] upload = edited(sheet -> snippetRow(sheet).getCell(12).setCellValue("System.exit(0);"));
        assertThat(DecisionTableCheck.check(template, upload)).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo("Parkeervergunning");
            assertThat(problem.column()).isEqualTo("M");
            assertThat(problem.message()).contains("vergrendeld");
        });
    }

    @Test
    void refusesAnImportOfRuntimeOrReflection() {
        byte[] upload = edited(sheet -> rowStarting(sheet, "Import")
                .getCell(1)
                .setCellValue("nl.beslisstraat.rules.Findings, java.lang.Runtime, java.lang.reflect.Method"));
        assertThat(DecisionTableCheck.check(template, upload))
                .extracting(TableProblem::column)
                .containsExactly("B");
    }

    @Test
    void refusesATextCellCraftedToBreakOutOfItsQuotes() {
        byte[] upload = edited(sheet -> set(
                sheet,
                "Art. 4: eigen parkeerplaats, afwijzen",
                "Motivering (Nederlands)",
                "x\"); Runtime.getRuntime().exec(\"rm -rf /\"); //"));
        assertThat(DecisionTableCheck.check(template, upload))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("aanhalingstekens"));
    }

    @Test
    void refusesANumberCellThatCarriesAnExpression() {
        byte[] upload = edited(sheet -> set(
                sheet,
                "Art. 3 lid 1b: voertuig te hoog, afwijzen",
                "Hoogte voertuig (m) groter dan",
                "2.40B || true) eval(true"));
        assertThat(DecisionTableCheck.check(template, upload))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("getal"));
    }

    @Test
    void refusesAFunctionsBlockAddedToTheSheet() {
        byte[] upload = edited(sheet -> {
            Row row = sheet.createRow(sheet.getLastRowNum() + 3);
            row.createCell(0).setCellValue("Functions");
            row.createCell(1).setCellValue("function void boom() { System.exit(1); }");
        });
        assertThat(DecisionTableCheck.check(template, upload))
                .anySatisfy(problem -> assertThat(problem.message()).contains("'Functions' voegt code toe"));
    }

    @Test
    void refusesAZipBombWithoutUnpackingIt() throws IOException {
        // 30 million identical characters hidden in the shared strings: kilobytes packed, 30 MB unpacked
        String padding = "a".repeat(30_000_000);
        byte[] bomb = rewriteEntry(
                template,
                "xl/sharedStrings.xml",
                xml -> xml.replace("</sst>", "<si><t>" + padding + "</t></si></sst>"));
        assertThat(bomb.length).as("small on the wire").isLessThan(DecisionTableCheck.MAX_BYTES);

        assertThat(DecisionTableCheck.check(template, bomb))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("geen leesbare spreadsheet"));
    }

    @Test
    void refusesXmlWithAnExternalEntityAndNeverReadsTheFile() throws IOException {
        byte[] upload = rewriteEntry(
                template,
                "xl/sharedStrings.xml",
                xml -> xml.replaceFirst("<sst ", "<!DOCTYPE sst [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><sst ")
                        .replaceFirst("<t>([^<]*)</t>", "<t>&secret;</t>"));

        List<TableProblem> problems = DecisionTableCheck.check(template, upload);

        assertThat(problems).isNotEmpty();
        assertThat(problems.toString()).doesNotContain("root:");
    }

    @Test
    void refusesWhatIsNoSpreadsheetOrTooLarge() {
        assertThat(DecisionTableCheck.check(template, "not a spreadsheet".getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("geen leesbare spreadsheet"));
        assertThat(DecisionTableCheck.check(template, new byte[DecisionTableCheck.MAX_BYTES + 1]))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("groter dan"));
    }

    private static byte[] template() {
        try (InputStream in = DecisionTableCheckTests.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] edited(Consumer<Sheet> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            edit.accept(workbook.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the cell of the rule row named {@code rule} in the column headed {@code heading}. */
    private static void set(Sheet sheet, String rule, String heading, String value) {
        Row ruleRow = rowStarting(sheet, rule);
        Row headings = null;
        for (int r = ruleRow.getRowNum(); r >= 0 && headings == null; r--) {
            Row row = sheet.getRow(r);
            if (row != null
                    && row.getCell(0) != null
                    && row.getCell(0).toString().startsWith("Regel (")) {
                headings = row;
            }
        }
        for (Cell cell : headings) {
            if (cell.toString().equals(heading)) {
                Cell target = ruleRow.getCell(cell.getColumnIndex());
                (target == null ? ruleRow.createCell(cell.getColumnIndex()) : target).setCellValue(value);
                return;
            }
        }
        throw new IllegalArgumentException("No column " + heading);
    }

    private static Row rowStarting(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals(text)) {
                return row;
            }
        }
        throw new IllegalArgumentException("No row " + text);
    }

    /** The code snippets of the first table: the fourth row of its locked block. */
    private static Row snippetRow(Sheet sheet) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().startsWith("RuleTable")) {
                return sheet.getRow(row.getRowNum() + 3);
            }
        }
        throw new IllegalStateException("No RuleTable");
    }

    /** The same XLSX with one of its XML parts rewritten, as a hand-crafted upload would be. */
    private static byte[] rewriteEntry(byte[] xlsx, String entry, java.util.function.UnaryOperator<String> rewrite)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry next = in.getNextEntry(); next != null; next = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (next.getName().equals(entry)) {
                    content = rewrite.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(next.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
