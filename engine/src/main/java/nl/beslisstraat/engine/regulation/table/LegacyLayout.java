package nl.beslisstraat.engine.regulation.table;

/**
 * Drools' spreadsheet layout, as tables were stored before they had a template: a RuleSet row,
 * Import and Notes rows, and per table a "RuleTable" row followed by three rows of code and a
 * row of headings. Only the notes, the headings and the rows under them are carried over into
 * the current layout; the code rows are left behind unread, so they can never be compiled.
 */
final class LegacyLayout {

    private LegacyLayout() {}

    static Grid convert(Grid legacy, TableTemplate template) {
        Grid grid = new Grid(legacy.sheet());
        grid.put(0, 0, template.title());
        grid.put(1, 0, TableTemplate.NOTES);
        int r = 2;
        int tables = 0;
        for (int old = 0; old < legacy.height(); old++) {
            String first = legacy.text(old, 0);
            if (first.equals("Notes")) {
                grid.put(1, 1, legacy.text(old, 1));
            }
            if (!first.startsWith("RuleTable")) {
                continue;
            }
            r++; // a blank row between tables
            grid.put(
                    r++,
                    0,
                    TableTemplate.TABLE_PREFIX
                            + first.substring("RuleTable".length()).trim());
            old += 4; // the headings, below three rows of code
            for (; old < legacy.height() && !legacy.isBlank(old); old++) {
                for (int c : legacy.columns(old)) {
                    grid.put(r, c, legacy.value(old, c));
                }
                r++;
            }
            tables++;
        }
        // a table the template gained later is there, without rows
        for (int t = tables; t < template.tables().size(); t++) {
            TableTemplate.Table table = template.tables().get(t);
            r++;
            grid.put(r++, 0, TableTemplate.TABLE_PREFIX + table.title());
            var headings = TableTemplate.headings(table);
            for (int c = 0; c < headings.size(); c++) {
                grid.put(r, c, headings.get(c));
            }
            r++;
        }
        return grid;
    }
}
