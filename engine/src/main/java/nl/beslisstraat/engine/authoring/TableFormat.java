package nl.beslisstraat.engine.authoring;

/**
 * The formats a rule-set version can be uploaded in, told apart by content, not by file name:
 * an XLSX is a zip, a DMN model is XML, anything else is read as a CSV table.
 */
enum TableFormat {
    XLSX,
    CSV,
    DMN;

    static TableFormat of(byte[] content) {
        if (content.length >= 2 && content[0] == 'P' && content[1] == 'K') {
            return XLSX;
        }
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            boolean byteOrderMark = i < 3 && (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF);
            if (!byteOrderMark && !Character.isWhitespace(b)) {
                return b == '<' ? DMN : CSV;
            }
        }
        return CSV;
    }
}
