package nl.beslisstraat.engine.audit;

import java.util.List;

/**
 * Columns of a chained row that its link leaves out, checked another way. A decision's content
 * hashes may be filled in after the decision was linked (decisions written before the hashes
 * existed, V12), so the link cannot cover them; the feature that knows what they must hold checks
 * them instead, and {@link ChainVerifier} reports what it finds beside the chains' own breaks.
 */
public interface UnchainedColumns {

    /** The current municipality's rows whose unchained columns do not hold, one per fault found. */
    List<ChainBreak> breaks();
}
