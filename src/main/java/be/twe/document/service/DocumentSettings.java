package be.twe.document.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code twe.documents.*}: the upload limit and when a first plan is due. */
@ConfigMapping(prefix = "twe.documents")
public interface DocumentSettings {

    /** Largest accepted file. Must stay below {@code quarkus.http.limits.max-body-size}. */
    @WithDefault("20M")
    MemorySize maxSize();

    /** Days after a trajectory's start by which its first plan is due. */
    @WithDefault("30")
    int planDueDays();
}
