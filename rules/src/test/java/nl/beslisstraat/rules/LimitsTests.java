package nl.beslisstraat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** DOMAIN.md: a limit derived from a norm is compared exactly, without rounding. */
class LimitsTests {

    private static final BigDecimal NORM = new BigDecimal("1271.15");

    @Test
    void comparesWithOneHundredThirtyPercentOfTheNormExactly() {
        // 130 % of 1271.15 is 1652.495; rounding it to cents first would let 1652.50 through
        assertThat(Limits.exceedsPercentage(new BigDecimal("1652.50"), NORM, new BigDecimal("130")))
                .isTrue();
        assertThat(Limits.exceedsPercentage(new BigDecimal("1652.49"), NORM, new BigDecimal("130")))
                .isFalse();
        assertThat(Limits.atMostPercentage(new BigDecimal("1652.49"), NORM, new BigDecimal("130")))
                .isTrue();
    }

    @Test
    void aMissingValueOrNormExceedsNothing() {
        assertThat(Limits.exceedsPercentage(null, NORM, new BigDecimal("100"))).isFalse();
        assertThat(Limits.exceedsPercentage(BigDecimal.TEN, null, new BigDecimal("100")))
                .isFalse();
        assertThat(Limits.atMostPercentage(null, NORM, new BigDecimal("100"))).isFalse();
    }
}
