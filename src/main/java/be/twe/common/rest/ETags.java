package be.twe.common.rest;

import be.twe.common.error.PreconditionFailedProblem;
import be.twe.common.error.PreconditionRequiredProblem;

/** Strong entity tags made from a row's version number, and the If-Match check of every change. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
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
