package be.twe.common.error;

/**
 * One field at fault in a request: where it is ({@code body}, {@code query}, ...), its path, and
 * why, in the caller's language when the text has a key (ADR 0037).
 */
public record Issue(String in, String name, String value, Text text) {

    /** With an English-only detail. */
    public Issue(String in, String name, String value, String detail) {
        this(in, name, value, detail == null ? null : Text.literal(detail));
    }

    /** Why, in English. */
    public String detail() {
        return text == null ? null : text.english();
    }

    public static Issue body(String name, String value, Text detail) {
        return new Issue("body", name, value, detail);
    }

    public static Issue header(String name, String value, Text detail) {
        return new Issue("header", name, value, detail);
    }
}
