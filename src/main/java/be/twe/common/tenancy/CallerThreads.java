package be.twe.common.tenancy;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Work of one caller split over threads (an export's reads, an import's batches side by side): on
 * another thread it runs in a request context of its own that acts as the caller already resolved
 * on the thread that split it, so its connections carry that caller's settings and no other's.
 */
@ApplicationScoped
public class CallerThreads {
    @Inject
    CallerContext callers;

    /** Runs {@code work} as {@code caller}; call it on a thread that has no request context. */
    public <T> T as(Caller caller, Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            callers.actAs(caller);
            return work.get();
        } finally {
            context.terminate();
        }
    }
}
