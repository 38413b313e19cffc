package nl.beslisstraat.engine.regulation.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Hostile decision-table uploads, each with the words its refusal must contain. They are the
 * attacks that ran code through Drools' spreadsheet compiler, and the file tricks that exhaust
 * memory or read files: used by the reader's tests and through the REST API.
 */
public final class HostileTables {

    /** What a payload would do if it ever ran: set this system property. */
    public static final String MARKER = "beslisstraat.hostile";

    private static final String RUN = "System.setProperty(\"" + MARKER + "\", \"ran\");";

    private HostileTables() {}

    /** Upload bytes by name, each with a fragment the refusal names. */
    public static Map<String, Hostile> refused() {
        Map<String, Hostile> all = new LinkedHashMap<>();
        all.put(
                "Functions row with DRL in the notes line",
                new Hostile(
                        edited(sheet -> {
                            sheet.getRow(1).getCell(0).setCellValue("Functions");
                            sheet.getRow(1).getCell(1).setCellValue("function void x() { " + RUN + " }");
                        }),
                        "cel A2: hier hoort 'Toelichting'"));
        String csv = Tables.parkingCsv();
        int notes = csv.indexOf('\n') + 1;
        all.put(
                "Functions as CSV",
                new Hostile(
                        csv(csv.substring(0, notes) + "Functions,\"function void x() { " + RUN.replace("\"", "\"\"")
                                + " }\"\n" + csv.substring(csv.indexOf("\n\n"))),
                        "cel A2"));
        all.put(
                "MVEL in a motivation",
                new Hostile(
                        edited(sheet -> sheet.getRow(6).getCell(12).setCellValue("${" + RUN + "}")),
                        "is geen veldnaam"));
        for (String keyword :
                new String[] {"RuleSet", "Import", "Functions", "Queries", "Declare", "Variables", "RuleTable Kwaad"}) {
            all.put(
                    keyword + " below the tables",
                    new Hostile(
                            csv(Tables.parkingCsv() + "\n" + keyword + ",\"" + RUN.replace("\"", "\"\"") + "\"\n"),
                            "buiten de tabellen"));
            all.put(
                    keyword + " in a number cell",
                    new Hostile(
                            edited(sheet -> sheet.getRow(6).createCell(2).setCellValue(keyword + " " + RUN)),
                            "cel C7: hier hoort een getal"));
        }
        all.put(
                "RuleTable as a table title with code rows under it",
                new Hostile(
                        edited(sheet -> {
                            sheet.getRow(3).getCell(0).setCellValue("RuleTable Kwaad");
                            sheet.getRow(4).getCell(10).setCellValue("ACTION");
                        }),
                        "cel A4: hier hoort 'Tabel: Weigeren of naar behandelaar'"));
        all.put(
                "formula whose value closes a string",
                new Hostile(
                        edited(sheet -> sheet.getRow(6)
                                .getCell(12)
                                .setCellFormula("\"\"\"); " + RUN.replace("\"", "\"\"") + " (\"\"\"")),
                        "een formule"));
        all.put(
                "numeric formula",
                new Hostile(edited(sheet -> sheet.getRow(6).createCell(2).setCellFormula("3*2")), "een formule"));
        all.put(
                "boolean formula",
                new Hostile(edited(sheet -> sheet.getRow(8).createCell(4).setCellFormula("TRUE()")), "een formule"));
        all.put(
                "error formula",
                new Hostile(edited(sheet -> sheet.getRow(6).createCell(2).setCellFormula("1/0")), "een formule"));
        all.put(
                "array formula",
                new Hostile(
                        edited(sheet -> sheet.setArrayFormula("ROW(A1:A2)", CellRangeAddress.valueOf("C7:C8"))),
                        "een formule"));
        all.put(
                "formula in a template cell",
                new Hostile(
                        edited(sheet ->
                                sheet.getRow(0).getCell(0).setCellFormula("\"Beslistabel bewonersparkeervergunning\"")),
                        "een formule"));
        all.put(
                "second RuleSet on a hidden sheet",
                new Hostile(
                        workbook(book -> {
                            Sheet hidden = book.createSheet("Verborgen");
                            hidden.createRow(0).createCell(0).setCellValue("RuleSet");
                            hidden.createRow(1).createCell(0).setCellValue("Functions");
                            hidden.getRow(1).createCell(1).setCellValue("function void x() { " + RUN + " }");
                            book.setSheetVisibility(1, SheetVisibility.HIDDEN);
                        }),
                        "verborgen"));
        all.put(
                "very hidden sheet first",
                new Hostile(
                        workbook(book -> {
                            book.createSheet("Kwaad").createRow(0).createCell(0).setCellValue("RuleSet");
                            book.setSheetOrder("Kwaad", 0);
                            book.setSheetVisibility(0, SheetVisibility.VERY_HIDDEN);
                            book.setActiveSheet(1);
                            book.setFirstVisibleTab(1);
                        }),
                        "verborgen"));
        all.put(
                "defined name",
                new Hostile(
                        workbook(book -> {
                            var name = book.createName();
                            name.setNameName("Kwaad");
                            name.setRefersToFormula("Parkeervergunning!$A$1");
                        }),
                        "benoemde bereiken"));
        all.put(
                "comment",
                new Hostile(
                        edited(sheet -> {
                            var drawing = sheet.createDrawingPatriarch();
                            var anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
                            var comment = drawing.createCellComment(anchor);
                            comment.setString(
                                    sheet.getWorkbook().getCreationHelper().createRichTextString(RUN));
                            sheet.getRow(6).getCell(0).setCellComment(comment);
                        }),
                        "Het bestand bevat"));
        all.put(
                "data validation",
                new Hostile(
                        edited(sheet -> {
                            var helper = sheet.getDataValidationHelper();
                            var constraint = helper.createExplicitListConstraint(new String[] {"ja", "nee"});
                            sheet.addValidationData(
                                    helper.createValidation(constraint, new CellRangeAddressList(5, 5, 4, 4)));
                        }),
                        "gegevensvalidatie"));
        all.put(
                "macro part",
                new Hostile(withPart(Tables.parkingXlsx(), "xl/vbaProject.bin", new byte[] {1, 2, 3}), "macro's"));
        all.put(
                "external link part",
                new Hostile(
                        withPart(
                                Tables.parkingXlsx(),
                                "xl/externalLinks/externalLink1.xml",
                                "<externalLink/>".getBytes(StandardCharsets.UTF_8)),
                        "koppelingen naar andere bestanden"));
        all.put(
                "XXE in the shared strings",
                new Hostile(
                        replacedPart(
                                Tables.parkingXlsx(),
                                "xl/sharedStrings.xml",
                                xml -> xml.replaceFirst(
                                                "<sst",
                                                "<!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst")
                                        .replaceFirst("<t>([^<]*)</t>", "<t>&x;</t>")),
                        "DOCTYPE"));
        all.put(
                "billion laughs in the sheet",
                new Hostile(
                        replacedPart(
                                Tables.parkingXlsx(),
                                "xl/worksheets/sheet1.xml",
                                xml -> xml.replaceFirst("<worksheet", laughs() + "<worksheet")),
                        "DOCTYPE"));
        all.put(
                "a right-to-left override in a rule name",
                new Hostile(
                        edited(sheet -> sheet.getRow(6).getCell(0).setCellValue("Art. 7 lid 1: \u202Eneddobrev")),
                        "cel A7: de tekst bevat een onzichtbaar teken of een teken dat de leesrichting omdraait"));
        all.put(
                "a zero-width space in a rule name",
                new Hostile(
                        edited(sheet -> sheet.getRow(6).getCell(0).setCellValue("Art. 7 lid 1: verlenen zone A\u200B")),
                        "cel A7: de tekst bevat een onzichtbaar teken"));
        all.put(
                "two rule names a reader cannot tell apart",
                new Hostile(
                        edited(sheet -> {
                            sheet.getRow(6).getCell(0).setCellValue("Art. 7 lid 2: verlenen zone A");
                            sheet.getRow(7).getCell(0).setCellValue("Art. 7 lid \u00B2: verlenen zone \uFF21");
                        }),
                        "cel A8: de regel 'Art. 7 lid ²: verlenen zone Ａ' staat al eerder in de tabel"));
        all.put("zip bomb", new Hostile(zipBomb(), "pakt uit tot meer dan"));
        all.put("1,000,000-cell sheet", new Hostile(millionCells(), "meer dan"));
        all.put("a second visible sheet", new Hostile(workbook(book -> book.createSheet("Tweede")), "werkbladen"));
        String lengthCell = "<c r=\"C7\" t=\"n\" s=\"0\"><v>6.0</v></c>";
        all.put(
                "a date cell",
                new Hostile(sheetXml(lengthCell, "<c r=\"C7\" t=\"d\"><v>2026-01-01</v></c>"), "Cel C7: een datum"));
        all.put(
                "text in a number cell",
                new Hostile(sheetXml(lengthCell, "<c r=\"C7\"><v>zes</v></c>"), "Cel C7: een cel van het soort getal"));
        all.put(
                "NaN in a number cell",
                new Hostile(sheetXml(lengthCell, "<c r=\"C7\"><v>NaN</v></c>"), "Cel C7: een cel van het soort getal"));
        all.put(
                "two in a yes/no cell",
                new Hostile(
                        sheetXml(lengthCell, "<c r=\"C7\" t=\"b\"><v>2</v></c>"),
                        "Cel C7: een cel van het soort getal of ja/nee"));
        all.put(
                "an unknown kind of value",
                new Hostile(
                        sheetXml(lengthCell, "<c r=\"C7\" t=\"x\"><v>1</v></c>"), "Cel C7: een onbekend soort waarde"));
        all.put(
                "a shared text that is not there",
                new Hostile(
                        sheetXml(lengthCell, "<c r=\"C7\" t=\"s\"><v>99999</v></c>"),
                        "Cel C7: de tekst staat niet in het bestand"));
        all.put(
                "a cell past column XFD",
                new Hostile(
                        sheetXml(lengthCell, lengthCell + "<c r=\"XFE7\"><v>1</v></c>"),
                        "Cel XFE7 ligt buiten een werkblad"));
        all.put(
                "two cells at one address",
                new Hostile(sheetXml(lengthCell, lengthCell + lengthCell), "Cel C7 staat in het bestand na cel C7"));
        all.put(
                "a cell address that is none",
                new Hostile(sheetXml(lengthCell, "<c r=\"7C\"><v>6</v></c>"), "heeft '7C' als adres"));
        all.put(
                "a cell written in another row",
                new Hostile(sheetXml(lengthCell, "<c r=\"C9\"><v>6</v></c>"), "Cel C9 staat in het bestand in rij 7"));
        all.put(
                "a row twice",
                new Hostile(sheetXml("<row r=\"8\"", "<row r=\"7\""), "Rij 7 staat in het bestand na rij 7"));
        all.put(
                "a row past the last",
                new Hostile(sheetXml("<row r=\"8\"", "<row r=\"1048577\""), "Rij '1048577' na rij 7"));
        all.put(
                "a cell beside the table",
                new Hostile(edited(sheet -> sheet.getRow(7).createCell(30).setCellValue(RUN)), "ligt buiten de tabel"));
        all.put(
                "not a spreadsheet",
                new Hostile("PK not really a zip".getBytes(StandardCharsets.UTF_8), "geen spreadsheet"));
        all.put("over 2 MB", new Hostile(new byte[2 * 1024 * 1024 + 1], "groter dan 2 MB"));
        all.put("CSV not in UTF-8", new Hostile(new byte[] {(byte) 0xC3, 0x28, ',', 'a'}, "UTF-8"));
        return all;
    }

    /**
     * Text that is code elsewhere, in cells that hold text: accepted as what it is, text. Each
     * maps a rule name to the motivation it carries verbatim.
     */
    public static Map<String, String> inertTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("RuleTable Kwaad", "RuleTable Kwaad");
        texts.put("Unicode escape", "\\u0022); " + RUN + " (\\u0022");
        texts.put("Import", "Import java.lang.Runtime");
        texts.put("Functions", "Functions function void x() " + RUN);
        texts.put("quotes", "\"); " + RUN + " (\"");
        return texts;
    }

    /** An upload and a fragment of the message that must refuse it. */
    public record Hostile(byte[] content, String problem) {}

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] edited(Consumer<Sheet> edit) {
        return workbook(book -> edit.accept(book.getSheetAt(0)));
    }

    private static byte[] workbook(Consumer<XSSFWorkbook> edit) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Tables.parkingXlsx()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String laughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&l").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        return dtd.append("]>").toString();
    }

    /** A sheet that unpacks to 64 MB (four times what a part may) from a file well under the 2 MB limit. */
    private static byte[] zipBomb() {
        return replacedPart(Tables.parkingXlsx(), "xl/worksheets/sheet1.xml", xml -> xml, 64L * 1024 * 1024);
    }

    /** 1,000 rows of 1,000 cells. */
    private static byte[] millionCells() {
        return replacedPart(Tables.parkingXlsx(), "xl/worksheets/sheet1.xml", xml -> {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 1000; r++) {
                rows.append("<row r=\"").append(r).append("\">");
                for (int c = 0; c < 1000; c++) {
                    rows.append("<c><v>1</v></c>");
                }
                rows.append("</row>");
            }
            return xml.replaceFirst("<sheetData>.*</sheetData>", "<sheetData>" + rows + "</sheetData>")
                    .replaceFirst("<sheetData/>", "<sheetData>" + rows + "</sheetData>");
        });
    }

    /** The shipped parking-permit workbook with one piece of its sheet's XML replaced, once. */
    private static byte[] sheetXml(String piece, String replacement) {
        return replacedPart(Tables.parkingXlsx(), "xl/worksheets/sheet1.xml", xml -> {
            if (!xml.contains(piece)) {
                throw new IllegalStateException("the shipped sheet no longer holds " + piece);
            }
            return xml.replaceFirst(
                    java.util.regex.Pattern.quote(piece), java.util.regex.Matcher.quoteReplacement(replacement));
        });
    }

    private static byte[] withPart(byte[] xlsx, String name, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(out);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(in.readAllBytes());
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] replacedPart(byte[] xlsx, String name, java.util.function.UnaryOperator<String> change) {
        return replacedPart(xlsx, name, change, 0);
    }

    /** The workbook with one part rewritten; {@code padding} bytes of spaces appended to it. */
    private static byte[] replacedPart(
            byte[] xlsx, String name, java.util.function.UnaryOperator<String> change, long padding) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(out);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            zip.setLevel(9);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name) && padding == 0) {
                    zip.write(change.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
                } else if (entry.getName().equals(name)) {
                    zip.write(content, 0, content.length - "</worksheet>".length());
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (long written = 0; written < padding; written += spaces.length) {
                        zip.write(spaces);
                    }
                    zip.write("</worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
