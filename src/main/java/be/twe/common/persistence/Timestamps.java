package be.twe.common.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A {@code timestamptz} from a native query: the driver hands out an Instant or an OffsetDateTime. */
public final class Timestamps {
    private Timestamps() {
    }

    public static OffsetDateTime offset(Object value) {
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
