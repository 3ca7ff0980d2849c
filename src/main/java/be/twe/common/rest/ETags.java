package be.twe.common.rest;

import java.util.Arrays;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import be.twe.common.error.PreconditionFailedProblem;
import be.twe.common.error.PreconditionRequiredProblem;

/** Strong entity tags made from a row's version number, and the If-Match check of every change. */
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

    /** 428 without If-Match. */
    public static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredProblem();
        }
    }

    /** 428 without If-Match, 412 (with the current ETag) when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requirePresent(ifMatch);
        if (!of(currentVersion).equals(ifMatch.trim())) {
            throw new PreconditionFailedProblem(of(currentVersion));
        }
    }
}
