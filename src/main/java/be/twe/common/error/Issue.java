package be.twe.common.error;

/** One field at fault in a request: where it is ({@code body}, {@code query}, ...), its path, and why. */
public record Issue(String in, String name, String value, String detail) {

    public static Issue body(String name, String value, String detail) {
        return new Issue("body", name, value, detail);
    }

    public static Issue header(String name, String value, String detail) {
        return new Issue("header", name, value, detail);
    }
}
