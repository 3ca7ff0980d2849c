package be.twe.common.paging;

import java.util.ArrayList;
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

    /** Every item of every page, {@code page} called with each next cursor (null first) until there is none. */
    public static <T> List<T> all(Function<String, Slice<T>> page) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Slice<T> slice = page.apply(cursor);
            all.addAll(slice.items());
            cursor = slice.nextCursor();
        } while (cursor != null);
        return all;
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
