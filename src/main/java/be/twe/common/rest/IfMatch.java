package be.twe.common.rest;

import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;

import be.twe.common.error.ConstraintViolationMapper;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.PreconditionFailedProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/**
 * The versions a change may apply to, as the client's {@code If-Match} names them (null when it
 * sent none). A service checks it against the record's version once it has read the record, so
 * that a record the caller may not see stays a 404 whatever the header says.
 */
public record IfMatch(String header) {
    /** {@code *}, or a list of entity tags (RFC 9110, 8.8.3) without commas inside them. */
    private static final Pattern LIST =
            Pattern.compile("\\s*(\\*|(W/)?\"[^\",]*\"(\\s*,\\s*(W/)?\"[^\",]*\")*)\\s*");

    public static IfMatch of(String header) {
        return new IfMatch(header);
    }

    /** 428 without If-Match. */
    public void requirePresent() {
        if (header == null || header.isBlank()) {
            throw new DomainProblem(ProblemType.PRECONDITION_REQUIRED, ConstraintViolationMapper.PRECONDITION_REQUIRED);
        }
    }

    /** 428 without If-Match, 400 when malformed, 412 (with the current ETag) when it names another version. */
    public void check(long currentVersion) {
        check(currentVersion, true);
    }

    /**
     * The same for a record that may not exist yet ({@code exists} false, version 0): {@code *}
     * matches only an existing one (RFC 9110, 13.1.1); tags compare strongly, so a weak one never matches.
     */
    public void check(long currentVersion, boolean exists) {
        requirePresent();
        if (!LIST.matcher(header).matches()) {
            throw new InvalidInputProblem(Issue.header(HttpHeaders.IF_MATCH, header.length() > 100 ? null : header,
                    Text.of("if-match-malformed")));
        }
        String current = ETags.of(currentVersion);
        boolean matches = "*".equals(header.trim()) ? exists
                : Arrays.stream(header.split(",")).map(String::trim).anyMatch(current::equals);
        if (!matches) {
            throw new PreconditionFailedProblem(current);
        }
    }
}
