package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.rules.Outcome;

/**
 * One rule row of a decision table, as typed values.
 *
 * @param number the row's position in the whole rule set, from 0: what the generated rule passes
 *     to {@link DecisionTable#fire}
 * @param table the index of its table in the template
 * @param line the row in the sheet, from 1, for messages
 * @param name what the officer called the rule ("Art. 4: eigen parkeerplaats, afwijzen")
 * @param conditions one entry per condition column of its table, null where the cell is empty
 * @param outcome null when the row only adds an amount or percentage
 */
public record TableRow(
        int number,
        int table,
        int line,
        String name,
        List<Criterion> conditions,
        Outcome outcome,
        String reasonCode,
        Map<String, String> motivations,
        Map<String, BigDecimal> amounts,
        Map<String, BigDecimal> percentages,
        Map<String, MonthDay> days) {

    public TableRow {
        conditions = Collections.unmodifiableList(new ArrayList<>(conditions)); // keeps the nulls
        motivations = Map.copyOf(motivations);
        amounts = Map.copyOf(amounts);
        percentages = Map.copyOf(percentages);
        days = Map.copyOf(days);
    }
}
