package be.twe.common.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import be.twe.common.tenancy.SystemWork;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * One token bucket per organisation, shared by every instance through PostgreSQL (ADR 0039):
 * {@code twe.rate-limit.requests} per {@code twe.rate-limit.window}, refilled continuously, so a
 * burst may use the whole quota. An instance answers from its copy of the bucket and writes back
 * what it spent once it has spent {@code twe.rate-limit.unsynced-requests} or once
 * {@code twe.rate-limit.sync-every} has passed, so a read costs no database round trip and all
 * instances together exceed the quota by at most that many requests each. A bucket's key holds
 * the policy with the organisation, so a changed quota starts on buckets of its own.
 */
@ApplicationScoped
public class RateLimits {
    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    @ConfigProperty(name = "twe.rate-limit.requests")
    long requests;
    @ConfigProperty(name = "twe.rate-limit.window")
    Duration window;
    @ConfigProperty(name = "twe.rate-limit.unsynced-requests")
    long unsyncedRequests;
    @ConfigProperty(name = "twe.rate-limit.sync-every")
    Duration syncEvery;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    SystemWork systemWork;

    private ProxyManager<String> stored;
    private RemoteBucketBuilder<String> settled;
    private final Map<String, BucketProxy> buckets = new ConcurrentHashMap<>();

    /** What one more request of the organisation finds: allowed or not, what is left, and when. */
    public record Outcome(boolean allowed, long remaining, long secondsToFull, long retryAfterSeconds,
                          String policy) {
        /** The IETF draft's RateLimit field value. */
        public String rateLimit() {
            return "\"organisation\";r=" + remaining + ";t=" + secondsToFull;
        }
    }

    /**
     * The organisation's bucket in this instance. Made once, after a first call without the
     * settling optimisation that stores the bucket if it is new: Bucket4j creates a missing bucket
     * only for a call made alone, not for concurrent calls it settles together.
     */
    private BucketProxy bucket(String organisationId) {
        return buckets.computeIfAbsent(organisationId, id -> {
            String key = id + ";" + policy();
            Supplier<BucketConfiguration> configuration = () -> BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, window)).build();
            stored.builder().build(key, configuration).getAvailableTokens();
            return settled.build(key, configuration);
        });
    }

    @PostConstruct
    void connect() {
        stored = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).table("rate_limit_bucket").idColumn("bucket_key")
                .stateColumn("state").build();
        // none unsynced: every request settles with the others (Bucket4j's delay takes no zero)
        settled = unsyncedRequests == 0 ? stored.builder() : stored.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(unsyncedRequests, syncEvery)));
    }

    /**
     * Takes one request from the organisation's quota. Null when the shared bucket cannot be
     * reached: the request then goes on unlimited and meets the database outage itself.
     */
    public Outcome take(String organisationId) {
        ConsumptionProbe probe;
        try {
            // as system work: the bucket's connection carries no caller (an unknown organisation's
            // caller could not be resolved), and Bucket4j may settle other requests' calls on it
            probe = systemWork.withoutTransaction("rate limit",
                    () -> bucket(organisationId).tryConsumeAndReturnRemaining(1));
        } catch (RuntimeException unreachable) {
            // Bucket4j wraps the database's failure in its own exceptions, one per optimisation
            // layer; whatever it is, this request is not refused for it, and the next one starts
            // from the stored bucket again (a crash may have left this copy out of step)
            buckets.remove(organisationId);
            LOG.debug("rate limit not applied: its bucket is unreachable", unreachable);
            return null;
        }
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
