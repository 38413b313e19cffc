package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;
import nl.beslisstraat.rules.calendar.WorkingDays;

/** How pressing a review task is: past its legal deadline, due within 5 working days, or not yet. */
public enum Urgency {
    OVERDUE,
    DUE_SOON,
    ON_TIME;

    static final int SOON_WORKING_DAYS = 5;

    static Urgency of(LocalDate deadline, LocalDate today) {
        if (deadline.isBefore(today)) {
            return OVERDUE;
        }
        return deadline.isAfter(WorkingDays.after(today, SOON_WORKING_DAYS)) ? ON_TIME : DUE_SOON;
    }
}
