package nl.beslisstraat.engine.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are braked ({@code beslisstraat.sign-in.*}, docs/operations.md). Failures
 * count within a window; after the free ones each further attempt must wait a delay that doubles
 * up to a maximum, and at the limit the account or address is locked for a while. An address
 * gets a higher limit than an account, because an office behind one address has many people, but
 * a limit all the same, so that one address cannot lock many accounts cheaply.
 *
 * @param window how long failures are counted together
 * @param lockDuration how long a lock lasts
 * @param accountLockAfter failures of one account within the window that lock it
 * @param addressLockAfter failures from one source address within the window that lock it
 * @param accountFreeFailures failures of one account before any delay
 * @param addressFreeFailures failures from one address before any delay; higher, so that the
 *     typing errors of one office do not slow down all its colleagues
 * @param firstDelay the delay after the first failure beyond the free ones; it doubles after each
 * @param maxDelay the longest delay short of a lock
 */
@ConfigurationProperties("beslisstraat.sign-in")
public record SignInThrottleSettings(
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("10") int accountLockAfter,
        @DefaultValue("30") int addressLockAfter,
        @DefaultValue("3") int accountFreeFailures,
        @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("30s") Duration maxDelay) {

    /** The wait before the next attempt after this many failures within the window. */
    Duration delayAfter(int failures, int freeFailures) {
        int beyond = failures - freeFailures;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
