package nl.beslisstraat.engine.database;

import java.text.Normalizer;

/**
 * Text people write (a motivation, an objection, a name) as the database can keep it: exactly as
 * sent, and showing something. PostgreSQL refuses the NUL character in text and JSON, and the
 * driver turns half of a surrogate pair, which is no character at all, into a question mark, so a
 * decision would silently say something else than its reviewer wrote.
 */
public final class WrittenText {

    private WrittenText() {}

    /** Whether the text is kept exactly as sent: no NUL character, no half of a surrogate pair. */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++; // the pair's second half
            }
        }
        return true;
    }

    /**
     * Whether the text shows a reader something: a letter or a digit, not only spaces, invisible
     * characters or marks that turn the direction of what follows.
     */
    public static boolean visible(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * Whether the text is one line a reader sees as written: storable, visible, and without control
     * or formatting characters (line breaks, zero-width spaces, direction overrides) that would hide
     * or reorder it in a list or a page's header.
     */
    public static boolean plainLine(String text) {
        return oneVisibleLine(text) && visible(text);
    }

    /**
     * Whether the text reads as one line exactly as written: storable, and without control characters
     * (line breaks included) or formatting characters (zero-width spaces, direction overrides and
     * isolates, byte order marks) that would hide or reorder part of it for the colleague who approves.
     * Unlike {@link #plainLine} it may be empty or show no letter; a caller that needs one checks
     * {@link #visible} too.
     */
    public static boolean oneVisibleLine(String text) {
        return storable(text)
                && text.codePoints()
                        .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /**
     * Whether a text of several lines reads as written: storable, and without control characters
     * other than tabs and line breaks, nor formatting characters that hide or reorder part of it
     * (zero-width spaces, direction overrides and isolates), so the citizen and a judge read what
     * the reviewer read. The soft hyphen and the zero-width (non-)joiner stay: text pasted from a
     * word processor has them, and they change no word.
     */
    public static boolean readsAsWritten(String text) {
        return storable(text)
                && text.codePoints()
                        .noneMatch(c -> (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
                                || (Character.getType(c) == Character.FORMAT
                                        && c != 0x00AD
                                        && c != 0x200C
                                        && c != 0x200D));
    }

    /**
     * The first line (counting from 1) that the database cannot keep as sent, or 0 when it can keep
     * all of them, so that a refusal can name the line of a file.
     */
    public static int firstUnstorableLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!storable(lines[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The form in which two names are the same when a reader cannot tell them apart: compatibility
     * forms folded (NFKC: a full-width letter, a ligature, a superscript digit) and invisible
     * formatting characters left out. Case is kept: callers compare as they did before.
     */
    public static String sameName(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
