package be.twe.common.rest;

import java.util.List;

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
                    && !jwtShaped(authorization.substring(6).trim())) {
                headers.remove(HttpHeaders.AUTHORIZATION);
            }
            context.next();
        });
    }

    /** Three non-empty base64url parts joined by dots (a scan: a regular expression cost a request 3 %). */
    static boolean jwtShaped(String token) {
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength > 0;
    }
}
