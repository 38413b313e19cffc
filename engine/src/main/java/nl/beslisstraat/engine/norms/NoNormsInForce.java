package nl.beslisstraat.engine.norms;

import java.time.LocalDate;

/** No version of the norm table is in force on the reference date. */
public class NoNormsInForce extends RuntimeException {

    public NoNormsInForce(LocalDate referenceDate) {
        super("No norm table version is in force on " + referenceDate);
    }
}
