package be.twe.common.persistence;

import jakarta.persistence.Query;

import org.hibernate.jpa.spi.NativeQueryConstructorTransformer;
import org.hibernate.query.NativeQuery;

/**
 * A native query's rows as records: each row goes to the record's constructor whose parameter
 * count matches the columns (as Hibernate does for a result class), so the columns must come in the
 * record's order and as its types (cast them: {@code count(*)::int}; a {@code timestamptz} comes
 * as an Instant, a {@code date} as a LocalDate). Not through a result class, whose query plans
 * Hibernate did not cache (ArchitectureTest.noNativeQueryTakesAResultClass).
 */
public final class Rows {
    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static <R> NativeQuery<R> as(Class<R> row, Query query) {
        return ((NativeQuery<R>) query.unwrap(NativeQuery.class))
                .setTupleTransformer(new NativeQueryConstructorTransformer<>(row));
    }
}
