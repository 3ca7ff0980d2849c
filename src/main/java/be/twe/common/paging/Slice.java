package be.twe.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list and the cursor after it (null on the last page). */
public record Slice<T>(List<T> items, String nextCursor) {

    /** Makes a page from a query that fetched {@code limit + 1} rows to learn whether more follow. */
    public static <T> Slice<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Slice<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new Slice<>(List.copyOf(page), cursorOf.apply(page.get(limit - 1)));
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
