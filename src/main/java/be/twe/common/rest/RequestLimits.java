package be.twe.common.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.Problem;
import be.twe.common.error.ProblemLanguage;
import be.twe.common.error.ProblemResponses;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The request-size limits, answered as problems like every other refusal: a URI over 8 KiB (414),
 * headers over 16 KiB together (431) and a declared body over the HTTP cap (413). The HTTP
 * server's own limits are set above these (application.properties), so that it is this check
 * that answers; only beyond those does the server answer with a bare status and close.
 */
@ApplicationScoped
public class RequestLimits {
    static final int MAX_URI = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;

    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    void check(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI) {
            refuse(context, ProblemType.URI_TOO_LONG, Text.of("uri-too-long", MAX_URI));
            return;
        }
        int headers = request.headers().entries().stream().mapToInt(e -> e.getKey().length() + e.getValue().length())
                .sum();
        if (headers > MAX_HEADERS) {
            refuse(context, ProblemType.HEADERS_TOO_LARGE, Text.of("headers-too-large", MAX_HEADERS));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBody.asLongValue()) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, Text.of("body-too-large", maxBody.asLongValue()));
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemType type, Text detail) {
        ProblemLanguage.keep(context); // this handler answers before the one that keeps it
        try {
            Problem answer = ProblemResponses.problem(type, detail);
            String problem = json.writeValueAsString(answer);
            context.response().setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, ProblemResponses.languageOf(answer).tag)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem).onComplete(done -> context.request().connection().close());
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
