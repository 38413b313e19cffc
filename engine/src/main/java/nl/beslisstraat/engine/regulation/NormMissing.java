package nl.beslisstraat.engine.regulation;

import java.time.LocalDate;

/** The norm table has no amount for this application on its reference date. */
public class NormMissing extends RuntimeException {

    public NormMissing(String norm, String normVersion, LocalDate date) {
        super("Norm table " + normVersion + " has no " + norm + " for this application on " + date);
    }
}
