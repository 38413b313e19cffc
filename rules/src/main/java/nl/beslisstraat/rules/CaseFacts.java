package nl.beslisstraat.rules;

import java.time.LocalDate;

/**
 * Base of every regulation's application fact. The regulation declares its own input fields in
 * DRL ({@code declare ParkingPermitApplication extends CaseFacts}); what all of them share lives
 * here: the reference date (peildatum) and the findings the rules write to.
 *
 * <p>Findings hang off the fact, not off a session-wide global, so that a result can never be
 * attributed to the wrong case, however many cases one session holds.
 */
public class CaseFacts {

    private LocalDate referenceDate;
    private final Findings findings = new Findings();

    public LocalDate getReferenceDate() {
        return referenceDate;
    }

    public void setReferenceDate(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
    }

    public Findings getFindings() {
        return findings;
    }
}
