package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/**
 * The typed value of a filled-in condition cell. Only these reach {@link RuleRenderer}, which writes
 * each as a literal of its own making: a number from its BigDecimal, a code from the column's
 * closed list, a time from its hour and minute.
 */
public sealed interface Criterion {

    /** How the cell reads back, for the officer's screen and the table's CSV. */
    String text();

    /** A number or percentage, at the column's scale. */
    record Number(BigDecimal value) implements Criterion {
        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    record YesNo(boolean value) implements Criterion {
        @Override
        public String text() {
            return value ? "ja" : "nee";
        }
    }

    /** One or more codes, each from the column's closed list, in the order written. */
    record Codes(List<String> codes) implements Criterion {
        public Codes {
            codes = List.copyOf(codes);
        }

        @Override
        public String text() {
            return String.join(", ", codes);
        }
    }

    record Time(LocalTime value) implements Criterion {
        @Override
        public String text() {
            return value.toString();
        }
    }
}
