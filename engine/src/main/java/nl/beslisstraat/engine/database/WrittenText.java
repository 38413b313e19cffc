package nl.beslisstraat.engine.database;

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
        return storable(text)
                && visible(text)
                && text.codePoints()
                        .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
