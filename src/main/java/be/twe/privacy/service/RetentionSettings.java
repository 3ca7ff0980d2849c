package be.twe.privacy.service;

import java.time.Period;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a client's file stays as it is after its trajectory ended (ADR 0031). */
@ConfigMapping(prefix = "twe.retention")
public interface RetentionSettings {

    /** Trajectories that ended longer ago than this are pseudonymised. */
    @WithDefault("P10Y")
    Period after();

    /** How often the job looks for them (read by its schedule). */
    @WithDefault("24h")
    String every();

    /** The secret of the INSZ's keyed hash; without it the job does not run. */
    Optional<String> key();
}
