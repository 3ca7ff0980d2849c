package be.twe.common.error;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The languages problems are written in: English by default, Dutch for a caller whose
 * {@code Accept-Language} prefers it (RFC 4647 lookup, so {@code nl-BE} is Dutch). The header is
 * kept for the request when it is sent, and read only when a problem is written.
 */
public enum ProblemLanguage {
    EN("en"), NL("nl");

    private static final String KEY = "twe.acceptLanguage";
    private static final List<String> TAGS = List.of("en", "nl");

    public final String tag;

    ProblemLanguage(String tag) {
        this.tag = tag;
    }

    /** The language the current request asks for; English outside a request. */
    public static ProblemLanguage current() {
        return VertxContext.isOnDuplicatedContext() ? of(ContextLocals.<String>get(KEY).orElse(null)) : EN;
    }

    /** From an Accept-Language header: the first supported language it prefers; English if none or malformed. */
    public static ProblemLanguage of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
            return "nl".equals(tag) ? NL : EN;
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
    }

    /** By tag ({@code Content-Language}). */
    public static ProblemLanguage ofTag(String tag) {
        return "nl".equals(tag) ? NL : EN;
    }

    /** Keeps the request's Accept-Language for its problems; a handler that answers before the API's calls it. */
    public static void keep(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null) {
            ContextLocals.put(KEY, header);
        }
    }

    @ApplicationScoped
    static class RequestHeader {
        void keep(@Observes Router router) {
            router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
                ProblemLanguage.keep(context);
                context.next();
            });
        }
    }
}
