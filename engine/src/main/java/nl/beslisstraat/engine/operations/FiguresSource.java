package nl.beslisstraat.engine.operations;

/** Where {@link OperationsMeters} reads a municipality's figures when a series is scraped. */
interface FiguresSource {

    MunicipalityFigures of(String municipality);
}
