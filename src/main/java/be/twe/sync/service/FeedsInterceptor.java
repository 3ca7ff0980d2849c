package be.twe.sync.service;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;

import be.twe.sync.persistence.ChangeEventQueries;

/**
 * Runs inside the service's transaction (after {@code @Transactional}'s interceptor): when the
 * outermost fed call returns, flushes so the feed triggers have fired and notes the transaction.
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

    @AroundInvoke
    Object noteTransaction(InvocationContext context) throws Exception {
        boolean outermost = written.enter();
        try {
            Object result = context.proceed();
            if (outermost) {
                em.flush();
                String transaction = queries.currentTransaction();
                if (transaction != null) {
                    written.wroteIn(transaction);
                }
            }
            return result;
        } finally {
            written.leave();
        }
    }
}
