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
     * Now, in UTC and to the microsecond that a {@code timestamptz} keeps: a write then answers the
     * same instant, written the same way, as every later read of it (the clock's nanoseconds would
     * be rounded away on store, and the machine's zone made a write answer +01:00 where reads say Z).
     */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A {@code timestamptz} read into a record by a native query (an Instant), as the API shows it. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
