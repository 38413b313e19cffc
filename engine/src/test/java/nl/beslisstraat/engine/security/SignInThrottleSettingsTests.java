package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The delay before the next sign-in attempt grows by doubling after the free failures, up to its cap. */
class SignInThrottleSettingsTests {

    private final SignInThrottleSettings defaults = new SignInThrottleSettings(
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            10,
            30,
            3,
            20,
            Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    @Test
    void noDelayWithinTheFreeFailures() {
        assertThat(defaults.delayAfter(1, 3)).isZero();
        assertThat(defaults.delayAfter(3, 3)).isZero();
    }

    @Test
    void theDelayDoublesAfterEachFurtherFailureUpToItsCap() {
        assertThat(defaults.delayAfter(4, 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.delayAfter(5, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.delayAfter(6, 3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.delayAfter(8, 3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(defaults.delayAfter(9, 3)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.delayAfter(1_000, 3)).isEqualTo(Duration.ofSeconds(30));
    }
}
