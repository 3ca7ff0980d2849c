package be.twe.webhooks.service;

import java.time.Duration;

/**
 * When an event is tried again after a failed attempt: 1, 5, 30, 120, ... times the base delay
 * (5 s in production: 5 s, 25 s, 2.5 min, 10 min, 30 min, 1 h, 2 h, 4 h, then 6 h), 14 attempts
 * over about 32 hours, after which the event is FAILED until redelivered.
 */
public record RetrySchedule(Duration base) {
    private static final int[] FACTORS = {1, 5, 30, 120, 360, 720, 1440, 2880, 4320, 4320, 4320, 4320, 4320};

    /** The delay after the given number of failed attempts, or null when there is no further attempt. */
    public Duration after(int failedAttempts) {
        return failedAttempts > FACTORS.length ? null : base.multipliedBy(FACTORS[failedAttempts - 1]);
    }

    /** How long the whole schedule retries. */
    public Duration total() {
        Duration total = Duration.ZERO;
        for (int factor : FACTORS) {
            total = total.plus(base.multipliedBy(factor));
        }
        return total;
    }
}
