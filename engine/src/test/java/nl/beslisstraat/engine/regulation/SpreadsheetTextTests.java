package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A text cell a spreadsheet would run as a formula is written as text; any other text as it is. */
class SpreadsheetTextTests {

    @Test
    void cellsThatStartLikeAFormulaGetAnApostrophe() {
        assertThat(SpreadsheetText.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(SpreadsheetText.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(SpreadsheetText.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.cell("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void otherTextIsWrittenAsItIs() {
        assertThat(SpreadsheetText.cell("SINGLE_PARENT")).isEqualTo("SINGLE_PARENT");
        assertThat(SpreadsheetText.cell("kosten = bestaan")).isEqualTo("kosten = bestaan");
        assertThat(SpreadsheetText.cell("1245.00")).isEqualTo("1245.00");
        assertThat(SpreadsheetText.cell("")).isEmpty();
        assertThat(SpreadsheetText.cell(null)).isEmpty();
    }
}
