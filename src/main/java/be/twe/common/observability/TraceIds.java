package be.twe.common.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C trace id of the request being answered: the caller's own when it sent a
 * {@code traceparent}, else the one OpenTelemetry started. It goes into problems and, through
 * the logging MDC, into every log line of the request, so a caller's id finds the server's lines.
 */
public final class TraceIds {
    private TraceIds() {
    }

    /** The current trace id, or null outside a traced request (a background job, a test without tracing). */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /** The current trace id, or a fresh one in the same form when there is none. */
    public static String currentOrNew() {
        String current = current();
        return current != null ? current : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
