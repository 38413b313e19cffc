package nl.beslisstraat.engine.regulation;

/**
 * A text cell of a CSV this product writes, made safe to open in a spreadsheet: a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is read by Excel,
 * LibreOffice and Google Sheets as a formula, so it gets a leading apostrophe and is shown as text.
 * Only text goes through here: amounts and dates the product formats itself (such as {@code -5.00})
 * are written as they are, so a downloaded file still reads back unchanged.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        return startsLikeFormula(text) ? "'" + text : text;
    }

    private static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
