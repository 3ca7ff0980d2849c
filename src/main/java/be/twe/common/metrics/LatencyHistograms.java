package be.twe.common.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * HTTP latencies as histogram buckets on {@code /q/metrics} (issue 32): a p95 or p99 over all
 * instances is computed from buckets (Prometheus' {@code histogram_quantile}), which a count and a
 * sum cannot give. The buckets are fine around the targets (p99 under 20 ms for reads, 30 ms for
 * creates) and coarse beyond; 14 per route and status.
 */
public class LatencyHistograms {
    static final Duration[] BUCKETS = Stream.of(1, 2, 5, 10, 15, 20, 30, 50, 100, 250, 500, 1000, 2500, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Stream.of(BUCKETS).mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        };
    }
}
