package be.twe.common.rest;

import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import be.twe.common.error.ConstraintViolationMapper;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.PreconditionFailedProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** Strong entity tags made from a row's version number, and the If-Match check of every change. */
public final class ETags {
    /** {@code *}, or a list of entity tags (RFC 9110, 8.8.3) without commas inside them. */
    private static final Pattern IF_MATCH =
            Pattern.compile("\\s*(\\*|(W/)?\"[^\",]*\"(\\s*,\\s*(W/)?\"[^\",]*\")*)\\s*");

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
            throw new DomainProblem(ProblemType.PRECONDITION_REQUIRED, ConstraintViolationMapper.PRECONDITION_REQUIRED);
        }
    }

    /** 428 without If-Match, 400 when malformed, 412 (with the current ETag) when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requireMatch(ifMatch, currentVersion, true);
    }

    /**
     * The same for a record that may not exist yet ({@code exists} false, version 0): {@code *}
     * matches only an existing one (RFC 9110, 13.1.1); tags compare strongly, so a weak one never matches.
     */
    public static void requireMatch(String ifMatch, long currentVersion, boolean exists) {
        requirePresent(ifMatch);
        if (!IF_MATCH.matcher(ifMatch).matches()) {
            throw new InvalidInputProblem(Issue.header(HttpHeaders.IF_MATCH, ifMatch.length() > 100 ? null : ifMatch,
                    Text.of("if-match-malformed")));
        }
        String current = of(currentVersion);
        boolean matches = "*".equals(ifMatch.trim()) ? exists
                : Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(current::equals);
        if (!matches) {
            throw new PreconditionFailedProblem(current);
        }
    }
}
