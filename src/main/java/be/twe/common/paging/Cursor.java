package be.twe.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import be.twe.common.error.BadParameterException;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;

/** An opaque keyset position: the sort key of the last item of a page, base64url-encoded. */
public final class Cursor {
    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor, or an empty list for the first page; 400 on anything not made by {@link #encode}. */
    public static List<String> decode(String cursor, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return List.of();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            if (parts.size() == keys) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw invalid(cursor);
    }

    public static java.util.UUID uuid(String key) {
        try {
            return java.util.UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw invalid(key);
        }
    }

    public static java.time.LocalDate date(String key) {
        try {
            return java.time.LocalDate.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(key);
        }
    }

    public static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid(key);
        }
    }

    public static BadParameterException invalid(String cursor) {
        return new BadParameterException(new Issue("query", "cursor", cursor,
                Text.of("cursor-invalid")));
    }
}
