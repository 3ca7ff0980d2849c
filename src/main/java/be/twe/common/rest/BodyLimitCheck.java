package be.twe.common.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses to start when the HTTP body cap is not above the limits the API checks itself
 * (documents, import files): the HTTP server would then cut bodies off with a bare 413 or a
 * broken connection instead of our problem naming the limit.
 */
@ApplicationScoped
class BodyLimitCheck {
    static final List<String> LIMITS = List.of("twe.documents.max-size", "twe.imports.max-size");

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize httpCap;

    void check(@Observes StartupEvent event, Config config) {
        for (String limit : LIMITS) {
            long bytes = config.getValue(limit, MemorySize.class).asLongValue();
            if (bytes >= httpCap.asLongValue()) {
                throw new IllegalStateException(limit + " (" + bytes + " bytes) must be below "
                        + "quarkus.http.limits.max-body-size (" + httpCap.asLongValue() + " bytes)");
            }
        }
    }
}
