package be.twe.common.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Gives every request its trace id before anything else can answer it (a 401 carries it too). */
@ApplicationScoped
public class RequestTraceIds {
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            TraceIds.begin(context.request().getHeader("traceparent"));
            context.next();
        });
    }
}
