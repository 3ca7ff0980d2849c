package be.twe.common.paging;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The position after the last item of a page in a list ordered by a sort key and then the id,
 * read from and written to a {@link Cursor}.
 */
public record Keyset<K>(K key, UUID id) {

    /** The position a cursor names, or null for the first page; 400 when the cursor is not one of this list. */
    public static <K> Keyset<K> after(String cursor, Function<String, K> parseKey) {
        List<String> keys = Cursor.decode(cursor, 2);
        if (keys.isEmpty()) {
            return null;
        }
        try {
            return new Keyset<>(parseKey.apply(keys.get(0)), Cursor.uuid(keys.get(1)));
        } catch (RuntimeException e) {
            throw Cursor.invalid(cursor);
        }
    }

    public static String cursor(Object key, UUID id) {
        return Cursor.encode(key.toString(), id.toString());
    }

    /** Adds "after this position" to a query on {@code alias} ordered by {@code keyField} and id. */
    public static void restrict(Query query, Keyset<?> after, String alias, String keyField) {
        if (after != null) {
            String key = alias + "." + keyField;
            query.and("(" + key + " > :afterKey or (" + key + " = :afterKey and " + alias + ".id > :afterId))",
                    Map.of("afterKey", after.key(), "afterId", after.id()));
        }
    }
}
