package nl.beslisstraat.engine.norms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the product writes as a norm table it reads back, amount for amount; unknown keys it refuses. */
class NormTableRoundTripTests {

    @Test
    void theShippedTableReadsBackAsItWasWritten() {
        NormVersion shipped = NormCatalog.bundled();
        String csv = NormTableWriter.write(shipped);

        List<NormAmount> read = NormTableReader.read(new StringReader(csv), NormDefinitions.bundled());

        assertThat(read).containsExactlyInAnyOrderElementsOf(shipped.amounts());
        assertThat(csv).doesNotContain("'");
    }

    @Test
    void aFormulaInAKeyColumnIsRefusedNamingLineAndColumn() {
        String csv = NormTableWriter.write(NormCatalog.bundled())
                .replaceFirst("COST_OF_LIVING,SINGLE,", "COST_OF_LIVING,\"@SUM(1+1)*cmd|' /C calc'!A0\",");

        assertThatThrownBy(() -> NormTableReader.read(new StringReader(csv), NormDefinitions.bundled()))
                .isInstanceOf(InvalidNormTable.class)
                .hasMessageContaining("kolom householdType: '@SUM(1+1)*cmd|' /C calc'!A0' is geen bekende waarde"
                        + " voor COST_OF_LIVING; bekend zijn SINGLE, SINGLE_PARENT, COUPLE");
    }

    @Test
    void aLineBreakInAQuotedKeyIsRefused() {
        String csv = NormTableWriter.write(NormCatalog.bundled())
                .replaceFirst("COST_OF_LIVING,SINGLE,", "COST_OF_LIVING,\"SINGLE\n<img src=x>\",");

        assertThatThrownBy(() -> NormTableReader.read(new StringReader(csv), NormDefinitions.bundled()))
                .isInstanceOf(InvalidNormTable.class)
                .hasMessageContaining("kolom householdType: 'SINGLE?<img src=x>' is geen bekende waarde");
    }
}
