package be.twe.common.rest;

/** Strong entity tags made from a row's version number. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
