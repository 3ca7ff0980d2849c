package be.twe.common.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per organisation (in this instance's memory): {@code twe.rate-limit.requests}
 * per {@code twe.rate-limit.window}, refilled continuously, so a burst may use the whole quota.
 */
@ApplicationScoped
public class RateLimits {
    @ConfigProperty(name = "twe.rate-limit.requests")
    long requests;
    @ConfigProperty(name = "twe.rate-limit.window")
    Duration window;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** What one more request of the organisation finds: allowed or not, what is left, and when. */
    public record Outcome(boolean allowed, long remaining, long secondsToFull, long retryAfterSeconds,
                          String policy) {
        /** The IETF draft's RateLimit field value. */
        public String rateLimit() {
            return "\"organisation\";r=" + remaining + ";t=" + secondsToFull;
        }
    }

    public Outcome take(String organisationId) {
        Bucket bucket = buckets.computeIfAbsent(organisationId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, window)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        long secondsToFull = ceilSeconds((requests - remaining) * window.toNanos() / requests);
        return new Outcome(probe.isConsumed(), remaining, secondsToFull,
                Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())), policy());
    }

    /** The requests a window allows, for a problem's detail. */
    public long requests() {
        return requests;
    }

    public long windowSeconds() {
        return window.toSeconds();
    }

    public String policy() {
        return "\"organisation\";q=" + requests + ";w=" + window.toSeconds();
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
