package nl.beslisstraat.engine.regulation;

/**
 * The case type's regulation is known by its {@code regulation.json} but could not be started
 * (its table or rules did not read or compile): its cases go to a reviewer with this message.
 */
public class RegulationUnavailable extends RuntimeException {

    public RegulationUnavailable(RegulationCatalog.BrokenRegulation regulation) {
        super("Regulation " + regulation.name() + " could not be started: " + regulation.problem());
    }
}
