package be.twe.common.rest;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/**
 * RFC 9530 {@code Content-Digest}: a structured-field dictionary such as
 * {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}. Only SHA-256 is checked; a header
 * naming no SHA-256 is refused rather than silently unchecked.
 */
public final class ContentDigest {
    public static final String HEADER = "Content-Digest";

    private ContentDigest() {
    }

    /** The SHA-256 the client claims, if it sent the header. */
    public static Optional<byte[]> expectedSha256(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        for (String member : header.split(",")) {
            String[] keyValue = member.trim().split("=", 2);
            if (keyValue.length == 2 && keyValue[0].trim().equals("sha-256")) {
                return Optional.of(decode(keyValue[1].trim()));
            }
        }
        throw invalid(Text.of("digest.algorithm"));
    }

    /**
     * A retried body is recognised by its declared digest (bodies are streamed, never buffered), so
     * a request with an {@code Idempotency-Key} must carry one.
     */
    public static void requiredWithKey(String header, String idempotencyKey) {
        if (idempotencyKey != null && header == null) {
            throw new InvalidInputProblem(ProblemType.CONTENT_DIGEST_REQUIRED,
                    Text.of("content-digest-required"), Issue.header(HEADER, null, Text.of("content-digest-with-key")));
        }
    }

    /** Refuses a body whose SHA-256 differs from the declared one (it changed on the way). */
    public static void check(Optional<byte[]> expected, byte[] sha256) {
        if (expected.isPresent() && !MessageDigest.isEqual(expected.get(), sha256)) {
            throw new InvalidInputProblem(ProblemType.CONTENT_DIGEST_MISMATCH,
                    Text.of("content-digest-mismatch"), Issue.header(HEADER, null, Text.of("content-digest-differs")));
        }
    }

    public static String of(String sha256Hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)) + ":";
    }

    private static byte[] decode(String value) {
        if (value.length() < 2 || !value.startsWith(":") || !value.endsWith(":")) {
            throw invalid(Text.of("digest.shape"));
        }
        try {
            byte[] digest = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
            if (digest.length != 32) {
                throw invalid(Text.of("digest.length"));
            }
            return digest;
        } catch (IllegalArgumentException e) {
            throw invalid(Text.of("digest.base64"));
        }
    }

    private static InvalidInputProblem invalid(Text detail) {
        return new InvalidInputProblem(Issue.header(HEADER, null, detail));
    }
}
