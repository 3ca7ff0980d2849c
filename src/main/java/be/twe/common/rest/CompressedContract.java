package be.twe.common.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * The contract ({@code /api/v1/doc/openapi}, 200 KB) is gzipped like the API's own answers. Quarkus compresses only
 * what RESTEasy and static resources serve: it marks every other response {@code identity}, so
 * that mark is taken off this one before its headers go out.
 */
@ApplicationScoped
public class CompressedContract {
    void compress(@Observes Router router) {
        router.route(VersionedBase.PATH + "/doc/openapi*").order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(done -> context.response().headers().remove(HttpHeaders.CONTENT_ENCODING));
            context.next();
        });
    }
}
