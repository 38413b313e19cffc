package nl.beslisstraat.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrittenTextTests {

    @Test
    void oneVisibleLineRefusesControlInvisibleAndDirectionChangingCharactersAndWhatCannotBeStored() {
        assertThat(WrittenText.oneVisibleLine("Normen 2027: bijstand € 1.300")).isTrue();
        assertThat(WrittenText.oneVisibleLine("")).isTrue();
        for (String hidden :
                new String[] {"a\0b", "a\u0001b", "a\r\nb", "a\u202Eb", "a\u200Bb", "a\u2066b", "\uFEFFa", "a\uD800"}) {
            assertThat(WrittenText.oneVisibleLine(hidden)).as(hidden).isFalse();
        }
    }

    @Test
    void firstUnstorableLineNamesTheLineOfANulOrHalfACharacterPair() {
        assertThat(WrittenText.firstUnstorableLine("a\nb\n")).isZero();
        assertThat(WrittenText.firstUnstorableLine("# \0\nb")).isEqualTo(1);
        assertThat(WrittenText.firstUnstorableLine("a\r\nb\nc\uDC00")).isEqualTo(3);
    }

    @Test
    void namesAReaderCannotTellApartAreTheSameName() {
        assertThat(WrittenText.sameName("verlenen zone A\u200B")).isEqualTo(WrittenText.sameName("verlenen zone A"));
        assertThat(WrittenText.sameName("lid \u00B2 zone \uFF21")).isEqualTo(WrittenText.sameName("lid 2 zone A"));
        assertThat(WrittenText.sameName("zone a")).isNotEqualTo(WrittenText.sameName("zone A"));
    }

    @Test
    void aTextOfSeveralLinesReadsAsWrittenWithoutHiddenOrReorderingCharacters() {
        assertThat(WrittenText.readsAsWritten("Regel 1:\tgoed\r\nRegel 2: be\u00ADsluit"))
                .isTrue();
        assertThat(WrittenText.readsAsWritten("Aanvraag: \u202Etneew 8")).isFalse();
        assertThat(WrittenText.readsAsWritten("Aanvraag\u2067 voldoet")).isFalse();
        assertThat(WrittenText.readsAsWritten("voldoet\u200B niet")).isFalse();
        assertThat(WrittenText.readsAsWritten("bel\u0007")).isFalse();
        assertThat(WrittenText.readsAsWritten("half \uD800")).isFalse();
    }
}
