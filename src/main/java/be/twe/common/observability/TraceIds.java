package be.twe.common.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * The W3C trace id of the request being answered: the caller's own when it sent a valid
 * {@code traceparent}, else a fresh one (or, when an operator switched HTTP tracing on, the one
 * OpenTelemetry started). It goes into problems and, through the logging MDC, into every log line
 * of the request, so a caller's id finds the server's lines. Without tracing it costs a header
 * read per request: OpenTelemetry's HTTP instrumentation was a tenth of a read with nothing
 * sampled (issue 30, ADR 0021).
 */
public final class TraceIds {
    private static final String KEY = "twe.traceId";
    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {
    }

    /** Called first for every request (RequestTraceIds): fixes the request's trace id. */
    static void begin(String traceparent) {
        String id = fromSpan();
        if (id == null) {
            id = fromTraceparent(traceparent);
        }
        if (id == null) {
            id = fresh();
        }
        ContextLocals.put(KEY, id);
        MDC.put("traceId", id);
    }

    /** The current trace id, or null outside a request (a background job). */
    public static String current() {
        String span = fromSpan();
        if (span != null) {
            return span;
        }
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<String>get(KEY).orElse(null) : null;
    }

    /** The current trace id, or a fresh one in the same form when there is none. */
    public static String currentOrNew() {
        String current = current();
        return current != null ? current : fresh();
    }

    /** The trace id of a W3C {@code traceparent} (version-traceid-parentid-flags), or null when invalid. */
    static String fromTraceparent(String header) {
        if (header == null || header.length() < 55 || header.charAt(2) != '-' || header.charAt(35) != '-'
                || header.charAt(52) != '-' || (header.length() > 55 && header.charAt(55) != '-')
                || header.startsWith("ff") || (header.startsWith("00") && header.length() != 55)) {
            return null;
        }
        String traceId = header.substring(3, 35);
        boolean hex = isLowerHex(header, 0, 2) && isLowerHex(header, 3, 35) && isLowerHex(header, 36, 52)
                && isLowerHex(header, 53, 55);
        boolean zeros = traceId.chars().allMatch(c -> c == '0') || header.substring(36, 52).chars().allMatch(c -> c == '0');
        return hex && !zeros ? traceId : null;
    }

    private static boolean isLowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static String fromSpan() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    private static String fresh() {
        return HEX.toHexDigits(ThreadLocalRandom.current().nextLong()) + HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
