package be.twe.common.rest;

import java.util.Arrays;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;


/** Strong entity tags made from a row's version number, and conditional reads (the If-Match of a change: {@link IfMatch}). */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the representation and its ETag, or 304 without a body when If-None-Match names that ETag. */
    public static Response read(Object representation, long version, String ifNoneMatch) {
        String tag = of(version);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(t -> t.trim().replaceFirst("^W/", "")).anyMatch(t -> t.equals(tag) || t.equals("*"))) {
            return Response.notModified().header(HttpHeaders.ETAG, tag).build();
        }
        return Response.ok(representation).header(HttpHeaders.ETAG, tag).build();
    }
}
