package be.twe.common.rest;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * No cache between the API and its caller may keep an answer that carries personal data (INSZ,
 * names, free texts, bank accounts, audit subjects): {@code Cache-Control: no-store} on every
 * answer, errors included, except those of the paths below, which carry none and may be kept
 * but must be revalidated ({@code private, no-cache}). A path not listed is personal: a new
 * operation is safe until someone decides otherwise here (issue 21).
 */
@ApplicationScoped
public class PersonalDataCaching {
    static final String PERSONAL = "no-store";
    static final String NOT_PERSONAL = "private, no-cache";
    private static final List<Pattern> WITHOUT_PERSONAL_DATA = List.of(
            Pattern.compile(VersionedBase.PATH + "/municipalities(/[^/]+)?"),
            Pattern.compile(VersionedBase.PATH + "/organisations(/[^/]+)?"),
            Pattern.compile(VersionedBase.PATH + "/organisations/[^/]+/(mandates|partner-agreement|funding)"),
            Pattern.compile(VersionedBase.PATH + "/mandates(/[^/]+)?"),
            Pattern.compile(VersionedBase.PATH + "/statistics/[^/]+"),
            Pattern.compile(VersionedBase.PATH + "/doc/openapi(\\.(json|yaml|yml))?"),
            Pattern.compile("/q/.*"));

    void cacheControl(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String value = of(context.normalizedPath());
            context.addHeadersEndHandler(done -> context.response().headers().set(HttpHeaders.CACHE_CONTROL, value));
            context.next();
        });
    }

    /** The Cache-Control value of an answer to this path. */
    static String of(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return WITHOUT_PERSONAL_DATA.stream().anyMatch(p -> p.matcher(trimmed).matches()) ? NOT_PERSONAL : PERSONAL;
    }
}
