package be.twe.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses to start when the HTTP body cap is not above the document limit: the HTTP server would
 * then cut uploads off itself, with a bare 413 or a broken connection instead of our problem.
 */
@ApplicationScoped
class UploadLimitCheck {
    @Inject
    DocumentSettings settings;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize httpCap;

    void check(@Observes StartupEvent event) {
        if (settings.maxSize().asLongValue() >= httpCap.asLongValue()) {
            throw new IllegalStateException("twe.documents.max-size (" + settings.maxSize().asLongValue()
                    + " bytes) must be below quarkus.http.limits.max-body-size (" + httpCap.asLongValue() + " bytes)");
        }
    }
}
