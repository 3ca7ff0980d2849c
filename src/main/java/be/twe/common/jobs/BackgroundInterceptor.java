package be.twe.common.jobs;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import be.twe.common.error.DatabaseOutage;

/** Runs outside the method's own transaction, so that a failed commit is seen here too. */
@Background
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class BackgroundInterceptor {
    @Inject
    DatabaseOutage outage;

    @AroundInvoke
    Object run(InvocationContext context) throws Exception {
        try {
            Object result = context.proceed();
            outage.reachable();
            return result;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isUnavailability(e)) {
                throw e;
            }
            outage.failed(e);
            return null;
        }
    }
}
