package nl.beslisstraat.engine.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The result of verifying one municipality's chains: their heads, and the first break of each. */
public record ChainVerification(
        String municipality, Instant verifiedAt, List<ChainHead> heads, List<ChainBreak> breaks) {

    @JsonProperty
    public boolean intact() {
        return breaks.isEmpty();
    }
}
