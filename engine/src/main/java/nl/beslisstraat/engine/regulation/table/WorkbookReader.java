package nl.beslisstraat.engine.regulation.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.beslisstraat.engine.regulation.Phrase;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an uploaded XLSX into a {@link Grid} of cell values, refusing whatever a decision table
 * does not need: a workbook is first walked part by part, as a zip of XML files, against a list
 * of the parts a plain sheet has; every XML part is read without DTDs (so no entities and no
 * external references); the sheet's rows and cells are counted before anything builds them in
 * memory. Formulas, comments, data validations, defined names, hidden or extra sheets, macros,
 * links and objects are refused naming what was found. Only then is the sheet read, value by value.
 */
final class WorkbookReader {

    /** Larger uploads are refused unread. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** What one part may unpack to: a table's sheet of 2,000 rows stays far below. */
    private static final long MAX_PART_BYTES = 16L * 1024 * 1024;

    private static final long MAX_CELLS = (long) Grid.MAX_ROWS * Grid.MAX_COLUMNS;

    private static final Pattern ALLOWED_PART = Pattern.compile(
            "\\[Content_Types]\\.xml|_rels/\\.rels"
                    + "|docProps/(core|app|custom)\\.xml|xl/workbook\\.xml|xl/_rels/workbook\\.xml\\.rels"
                    + "|xl/worksheets/sheet[0-9]{1,3}\\.xml|xl/sharedStrings\\.xml|xl/styles\\.xml|xl/theme/theme[0-9]{1,3}\\.xml");

    private static final Map<Pattern, Phrase> KNOWN_PARTS = Map.of(
            Pattern.compile("(?i).*vbaProject.*|.*\\.bin"),
                    new Phrase("macro's of binaire onderdelen", "macros or binary parts"),
            Pattern.compile("(?i).*(comments|threadedComments|persons).*"),
                    new Phrase("opmerkingen bij cellen", "comments on cells"),
            Pattern.compile("(?i).*externalLink.*"),
                    new Phrase("koppelingen naar andere bestanden", "links to other files"),
            Pattern.compile("(?i).*(drawing|media|chart|embedding|activeX|ctrlProp|vmlDrawing).*"),
                    new Phrase("afbeeldingen, objecten of knoppen", "images, objects or buttons"),
            Pattern.compile("(?i).*calcChain.*"), new Phrase("formules", "formulas"),
            Pattern.compile("(?i).*(pivot|tables/|slicer|query|connections).*"),
                    new Phrase(
                            "Excel-tabellen, draaitabellen of gegevensverbindingen",
                            "Excel tables, pivot tables or data connections"),
            Pattern.compile("(?i)xl/worksheets/_rels/.*"),
                    new Phrase(
                            "koppelingen, opmerkingen of objecten op het werkblad",
                            "links, comments or objects on the sheet"));

    private static final Phrase NAMED_RANGES = new Phrase(
            "Het bestand heeft benoemde bereiken (namen); een beslistabel heeft die niet.",
            "The file has named ranges (names); a decision table has none.");

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // The same bounds for POI, which reads the workbook after the walk.
        ZipSecureFile.setMinInflateRatio(0.005);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private WorkbookReader() {}

    static Grid read(byte[] xlsx) {
        if (xlsx.length > MAX_BYTES) {
            throw new TableRefused(Phrase.of(
                    "Het bestand is groter dan {0} MB.", "The file is larger than {0} MB.", MAX_BYTES / 1024 / 1024));
        }
        walk(xlsx);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Grid grid = new Grid(sheet.getSheetName());
            List<Phrase> problems = new ArrayList<>();
            if (workbook.getNumberOfNames() > 0) {
                problems.add(NAMED_RANGES);
            }
            if (!sheet.getCellComments().isEmpty()) {
                problems.add(Phrase.of(
                        "Werkblad '{0}' heeft opmerkingen bij cellen.",
                        "Sheet '{0}' has comments on cells.", sheet.getSheetName()));
            }
            if (!sheet.getDataValidations().isEmpty()) {
                problems.add(Phrase.of(
                        "Werkblad '{0}' heeft gegevensvalidatie.",
                        "Sheet '{0}' has data validation.", sheet.getSheetName()));
            }
            for (Row row : sheet) {
                for (Cell cell : row) {
                    read(cell, grid, problems);
                }
            }
            if (!problems.isEmpty()) {
                throw new TableRefused(problems);
            }
            return grid;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof TableRefused refused) {
                throw refused;
            }
            throw unreadable(unreadable);
        }
    }

    private static TableRefused unreadable(Exception unreadable) {
        return new TableRefused(Phrase.of(
                "Het bestand is geen leesbare spreadsheet (XLSX): {0}",
                "The file is no readable spreadsheet (XLSX): {0}", unreadable.getMessage()));
    }

    private static void read(Cell cell, Grid grid, List<Phrase> problems) {
        try {
            readValue(cell, grid, problems);
        } catch (RuntimeException unreadable) {
            // The walk checked each value's form; what POI still cannot read (a shared text that
            // is not there, say) is named by its cell, like every other problem of a cell.
            problems.add(grid.at(cell.getRowIndex(), cell.getColumnIndex())
                    .then(new Phrase(
                            ": de waarde is onleesbaar; typ haar opnieuw in.",
                            ": the value cannot be read; type it in again.")));
        }
    }

    private static void readValue(Cell cell, Grid grid, List<Phrase> problems) {
        int r = cell.getRowIndex();
        int c = cell.getColumnIndex();
        switch (cell.getCellType()) {
            case STRING -> grid.put(r, c, cell.getStringCellValue());
            case BOOLEAN -> grid.put(r, c, cell.getBooleanCellValue());
            case NUMERIC -> grid.put(r, c, number(cell));
            case BLANK, _NONE -> {}
            case FORMULA ->
                problems.add(grid.at(r, c)
                        .then(new Phrase(
                                ": een formule; typ de waarde zelf in.", ": a formula; type the value in yourself.")));
            case ERROR ->
                problems.add(grid.at(r, c)
                        .then(new Phrase(
                                ": een foutwaarde; typ de waarde zelf in.",
                                ": an error value; type the value in yourself.")));
        }
    }

    /** A number as the officer typed it; a cell formatted as a time is a time of day. */
    private static Object number(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell) && value >= 0 && value < 1) {
            long minutes = Math.round(value * 24 * 60);
            return LocalTime.of((int) (minutes / 60) % 24, (int) (minutes % 60));
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "?";
        }
        return BigDecimal.valueOf(value);
    }

    /** The walk over the zip: every part allowed, every XML part plain, the sheet small enough. */
    private static void walk(byte[] xlsx) {
        int sheets = 0;
        boolean workbook = false;
        SheetCells sheet = null;
        int texts = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!ALLOWED_PART.matcher(name).matches()) {
                    throw new TableRefused(Phrase.of(
                            "Het bestand bevat {0} ({1}); een beslistabel bevat alleen waarden in cellen.",
                            "The file holds {0} ({1}); a decision table holds only values in cells.",
                            describe(name),
                            name));
                }
                InputStream part = new BoundedStream(zip, MAX_PART_BYTES, name);
                if (name.startsWith("xl/worksheets/")) {
                    sheets++;
                    sheet = walkSheet(part);
                } else if (name.equals("xl/sharedStrings.xml")) {
                    texts = walkTexts(part);
                } else if (name.equals("xl/workbook.xml")) {
                    workbook = true;
                    walkWorkbook(part);
                } else if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    walkXml(part);
                }
            }
        } catch (IOException | XMLStreamException unreadable) {
            throw unreadable(unreadable);
        }
        if (!workbook || sheets == 0) {
            throw new TableRefused(new Phrase(
                    "Het bestand is geen spreadsheet (XLSX): er staat geen werkblad in.",
                    "The file is no spreadsheet (XLSX): it holds no sheet."));
        }
        if (sheets > 1) {
            throw new TableRefused(Phrase.of(
                    "Het bestand heeft {0} werkbladen; een beslistabel heeft er één.",
                    "The file has {0} sheets; a decision table has one.", sheets));
        }
        sheet.refuseMissingText(texts);
    }

    private static Phrase describe(String part) {
        return KNOWN_PARTS.entrySet().stream()
                .filter(known -> known.getKey().matcher(part).matches())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(new Phrase(
                        "een onderdeel dat niet in een beslistabel hoort",
                        "a part that has no place in a decision table"));
    }

    private static SheetCells walkSheet(InputStream part) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(part);
        long rows = 0;
        long cells = 0;
        SheetCells position = new SheetCells();
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDtd(event);
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "row" -> {
                    if (++rows > Grid.MAX_ROWS) {
                        throw new TableRefused(Phrase.of(
                                "Het werkblad heeft meer dan {0} rijen.",
                                "The sheet has more than {0} rows.", Grid.MAX_ROWS));
                    }
                    position.row(xml.getAttributeValue(null, "r"));
                }
                case "c" -> {
                    if (++cells > MAX_CELLS) {
                        throw new TableRefused(Phrase.of(
                                "Het werkblad heeft meer dan {0} cellen.",
                                "The sheet has more than {0} cells.", MAX_CELLS));
                    }
                    position.cell(xml.getAttributeValue(null, "r"), xml.getAttributeValue(null, "t"));
                }
                case "v" -> position.value(xml.getElementText());
                case "f" ->
                    throw new TableRefused(Phrase.of(
                            "Cel {0}: een formule; typ de waarde zelf in.",
                            "Cell {0}: a formula; type the value in yourself.", position.name()));
                case "dataValidation", "dataValidations" ->
                    throw new TableRefused(new Phrase(
                            "Het werkblad heeft gegevensvalidatie; een beslistabel heeft alleen waarden.",
                            "The sheet has data validation; a decision table has only values."));
                case "hyperlink" ->
                    throw new TableRefused(
                            new Phrase("Het werkblad heeft koppelingen (hyperlinks).", "The sheet has hyperlinks."));
                default -> {}
            }
        }
        return position;
    }

    /** The shared texts the sheet's cells point to, counted: POI reads a text that is not there as an empty cell. */
    private static int walkTexts(InputStream part) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(part);
        int texts = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDtd(event);
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                texts++;
            }
        }
        return texts;
    }

    private static void walkWorkbook(InputStream part) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(part);
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDtd(event);
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = xml.getLocalName();
            if (element.equals("sheet")
                    && xml.getAttributeValue(null, "state") != null
                    && !"visible".equals(xml.getAttributeValue(null, "state"))) {
                throw new TableRefused(Phrase.of(
                        "Werkblad '{0}' is verborgen; een beslistabel heeft één zichtbaar werkblad.",
                        "Sheet '{0}' is hidden; a decision table has one visible sheet.",
                        xml.getAttributeValue(null, "name")));
            }
            if (element.equals("definedName")) {
                throw new TableRefused(NAMED_RANGES);
            }
            if (element.equals("externalReference") || element.equals("oleSize")) {
                throw new TableRefused(new Phrase(
                        "Het bestand verwijst naar andere bestanden of objecten.",
                        "The file refers to other files or objects."));
            }
        }
    }

    private static void walkXml(InputStream part) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(part);
        while (xml.hasNext()) {
            refuseDtd(xml.next());
        }
    }

    /** A DTD is how entity expansion (billion laughs) and external entities (XXE) get in. */
    private static void refuseDtd(int event) {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new TableRefused(new Phrase(
                    "Het bestand bevat een DOCTYPE of entiteiten; dat hoort niet in een spreadsheet.",
                    "The file holds a DOCTYPE or entities; those have no place in a spreadsheet."));
        }
    }

    /** Stops reading a zip part past a size, however small it was on the wire (a zip bomb). */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private final long limit;
        private final String name;
        private long read;

        BoundedStream(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public void close() {
            // the zip stream stays open for the next part
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new TableRefused(Phrase.of(
                        "Onderdeel {0} pakt uit tot meer dan {1} MB; een beslistabel is veel kleiner.",
                        "Part {0} unpacks to more than {1} MB; a decision table is much smaller.",
                        name,
                        limit / 1024 / 1024));
            }
        }
    }
}
