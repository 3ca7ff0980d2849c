package be.twe.sync.service;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;

import be.twe.sync.persistence.ChangeEventQueries;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs inside the service's transaction (after {@code @Transactional}'s interceptor): when the
 * outermost fed call of a write returns, flushes so the feed triggers have fired and notes the
 * transaction and the position its entries reached (given when written since V31, so the
 * response needs no query after the commit).
 */
@Feeds
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FeedsInterceptor {
    @Inject
    EntityManager em;
    @Inject
    ChangeEventQueries queries;
    @Inject
    WrittenTransaction written;

    @Inject
    CurrentVertxRequest request;

    @AroundInvoke
    Object noteTransaction(InvocationContext context) throws Exception {
        boolean outermost = written.enter();
        try {
            Object result = context.proceed();
            if (outermost && !httpRead()) {
                em.flush();
                ChangeEventQueries.Written transaction = queries.currentTransaction();
                if (transaction != null) {
                    written.wroteIn(transaction.transaction(), transaction.position());
                }
            }
            return result;
        } finally {
            written.leave();
        }
    }

    /**
     * A GET or HEAD writes no feed entry and gets no Feed-Position: asking PostgreSQL for its
     * transaction would be a round trip per read (issue 20). Background work has no request.
     */
    private boolean httpRead() {
        RoutingContext current = request.getCurrent();
        return current != null && !WrittenTransaction.WRITES.contains(current.request().method().name());
    }
}
