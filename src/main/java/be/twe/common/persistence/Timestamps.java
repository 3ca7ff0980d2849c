package be.twe.common.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL keeps them. */
public final class Timestamps {
    private Timestamps() {
    }

    /**
     * Now, to the microsecond that a {@code timestamptz} keeps: a write then answers the same
     * instant as every later read of it (the clock's nanoseconds would be rounded away on store).
     */
    public static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A {@code timestamptz} from a native query: the driver hands out an Instant or an OffsetDateTime. */
    public static OffsetDateTime offset(Object value) {
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
