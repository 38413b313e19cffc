package nl.beslisstraat.engine.regulation.table;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.regulation.Phrase;
import org.apache.poi.ss.util.CellReference;

/**
 * Where the walk over a sheet's XML is, and the cell there, checked before POI builds anything
 * from it: rows and cells in the order a spreadsheet writes them, addresses inside a sheet, a kind
 * of value a decision table holds and a value of that kind. POI would otherwise fail on such a
 * cell with a message that names no cell; here every refusal names it as Excel shows it.
 */
final class SheetCells {

    private static final int LAST_ROW = 1_048_576;
    private static final int LAST_COLUMN = 16_384; // XFD
    private static final Pattern ADDRESS = Pattern.compile("([A-Z]{1,3})([1-9][0-9]{0,6})");
    private static final Pattern ROW = Pattern.compile("[1-9][0-9]{0,6}");
    /** A number as the file format writes it: no NaN, no Infinity, no hexadecimal. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?");

    private static final Pattern TEXT_INDEX = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> BOOLEANS = Set.of("0", "1", "true", "false");
    /** n number, s shared text, str and inlineStr text, b yes/no, e an error value (refused by its cell later). */
    private static final Set<String> KINDS = Set.of("n", "s", "str", "inlineStr", "b", "e");

    private int row;
    private int column;
    private String kind = "n";
    private long highestText = -1;
    private String highestTextCell;

    /** A row element, with its number as written (or none: the next row). */
    void row(String number) {
        int next;
        if (number == null) {
            next = row + 1;
        } else if (ROW.matcher(number).matches() && Integer.parseInt(number) <= LAST_ROW) {
            next = Integer.parseInt(number);
        } else {
            throw new TableRefused(Phrase.of(
                    "Rij '{0}' na rij {1}: geen rijnummer van een werkblad (1 tot en met {2}).",
                    "Row '{0}' after row {1}: no row number of a sheet (1 to {2}).",
                    TableReader.abbreviate(number),
                    row,
                    LAST_ROW));
        }
        if (next <= row || next > LAST_ROW) {
            throw new TableRefused(Phrase.of(
                    "Rij {0} staat in het bestand na rij {1}; een spreadsheet schrijft elke rij één keer, op volgorde.",
                    "Row {0} comes after row {1} in the file; a spreadsheet writes each row once, in order.",
                    next,
                    row));
        }
        row = next;
        column = 0;
    }

    /** A cell element, with its address and kind of value as written (or none: the next cell, a number). */
    void cell(String address, String kind) {
        if (row == 0) {
            throw new TableRefused(new Phrase(
                    "Het werkblad heeft een cel buiten elke rij; het bestand is beschadigd.",
                    "The sheet has a cell outside any row; the file is damaged."));
        }
        int next = address == null ? column + 1 : columnOf(address);
        if (next > LAST_COLUMN) {
            throw new TableRefused(Phrase.of(
                    "Cel {0} ligt buiten een werkblad, na kolom XFD.",
                    "Cell {0} lies outside a sheet, past column XFD.", address == null ? "?" : address));
        }
        if (next <= column) {
            throw new TableRefused(Phrase.of(
                    "Cel {0} staat in het bestand na cel {1}; een spreadsheet schrijft elke cel één keer, op volgorde.",
                    "Cell {0} comes after cell {1} in the file; a spreadsheet writes each cell once, in order.",
                    address == null ? "?" : address,
                    name()));
        }
        column = next;
        this.kind = kind == null ? "n" : kind;
        if (this.kind.equals("d")) {
            throw refused(
                    ": een datum als waarde; typ de waarde als tekst in, zoals 31-12.",
                    ": a date as value; type the value in as text, such as 31-12.");
        }
        if (!KINDS.contains(this.kind)) {
            throw refused(
                    ": een onbekend soort waarde ('{0}'); het bestand is beschadigd.",
                    ": an unknown kind of value ('{0}'); the file is damaged.", TableReader.abbreviate(this.kind));
        }
    }

    /** The value element of the current cell: of the kind the cell says it holds. */
    void value(String value) {
        String text = value.strip();
        boolean fits = switch (kind) {
            case "n" -> NUMBER.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
            case "b" -> BOOLEANS.contains(text);
            case "s" -> TEXT_INDEX.matcher(text).matches();
            default -> true;
        };
        if (fits && kind.equals("s") && Long.parseLong(text) > highestText) {
            highestText = Long.parseLong(text);
            highestTextCell = name();
        }
        if (!fits) {
            throw refused(
                    ": een cel van het soort getal of ja/nee met de waarde '{0}'; typ de waarde opnieuw in.",
                    ": a cell of the number or yes/no kind with the value '{0}'; type the value in again.",
                    TableReader.abbreviate(text));
        }
    }

    /** Refuses a cell that points to a shared text past the file's last one. */
    void refuseMissingText(int texts) {
        if (highestText >= texts) {
            throw new TableRefused(Phrase.of(
                    "Cel {0}: de tekst staat niet in het bestand; het bestand is beschadigd.",
                    "Cell {0}: its text is not in the file; the file is damaged.", highestTextCell));
        }
    }

    /** The current cell as Excel names it, such as B7. */
    String name() {
        return column == 0 ? "?" : CellReference.convertNumToColString(column - 1) + row;
    }

    private int columnOf(String address) {
        Matcher parts = ADDRESS.matcher(address);
        if (!parts.matches()) {
            throw new TableRefused(Phrase.of(
                    "Een cel in rij {0} heeft '{1}' als adres; dat is geen celadres zoals B7.",
                    "A cell in row {0} has '{1}' as its address; that is no cell address such as B7.",
                    row,
                    TableReader.abbreviate(address)));
        }
        if (Integer.parseInt(parts.group(2)) != row) {
            throw new TableRefused(Phrase.of(
                    "Cel {0} staat in het bestand in rij {1}; het bestand is beschadigd.",
                    "Cell {0} is written in row {1} of the file; the file is damaged.", address, row));
        }
        return CellReference.convertColStringToIndex(parts.group(1)) + 1;
    }

    private TableRefused refused(String nl, String en, Object... arguments) {
        return new TableRefused(Phrase.of("Cel {0}", "Cell {0}", name()).then(Phrase.of(nl, en, arguments)));
    }
}
