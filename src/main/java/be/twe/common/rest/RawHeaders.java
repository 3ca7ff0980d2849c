package be.twe.common.rest;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Headers the framework reads before any JAX-RS filter, and fails on with a 500: an empty
 * {@code Accept} or {@code Content-Type} (RESTEasy's media type parser) and a bearer token that
 * is not even shaped as a JWT (quarkus-oidc's decoder). An empty one is as if it was not sent
 * (RFC 9110); a shapeless token is dropped, so the request is anonymous and answered 401 like
 * any request without a valid token.
 */
@ApplicationScoped
public class RawHeaders {
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final List<CharSequence> MEDIA_TYPES = List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE);

    void clean(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            MultiMap headers = context.request().headers();
            for (CharSequence name : MEDIA_TYPES) {
                if (headers.contains(name) && headers.getAll(name).stream().allMatch(String::isBlank)) {
                    headers.remove(name);
                }
            }
            String authorization = headers.get(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)
                    && !JWT.matcher(authorization.substring(6).trim()).matches()) {
                headers.remove(HttpHeaders.AUTHORIZATION);
            }
            context.next();
        });
    }
}
