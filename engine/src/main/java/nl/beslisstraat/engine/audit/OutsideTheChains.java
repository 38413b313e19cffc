package nl.beslisstraat.engine.audit;

import java.util.List;

/**
 * What a chain's links do not hold themselves, checked against what they do. A decision's
 * version hashes may be filled in after the decision was linked (decisions written before the
 * hashes existed, V12), so its link leaves them out; a case's input is in no chain at all, but the
 * link of each decision on it holds the input's digest (V47). The feature that knows what these
 * must be checks them, and {@link ChainVerifier} reports what it finds beside the chains' own
 * breaks.
 */
public interface OutsideTheChains {

    /** What does not hold in the current municipality, one break per fault found. */
    List<ChainBreak> breaks();
}
