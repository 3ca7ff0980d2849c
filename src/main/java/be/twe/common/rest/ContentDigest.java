package be.twe.common.rest;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;

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
        throw invalid("Only sha-256 is supported, e.g. sha-256=:<base64 of the SHA-256>:.");
    }

    /**
     * A retried body is recognised by its declared digest (bodies are streamed, never buffered), so
     * a request with an {@code Idempotency-Key} must carry one.
     */
    public static void requiredWithKey(String header, String idempotencyKey) {
        if (idempotencyKey != null && header == null) {
            throw new InvalidInputProblem(ProblemType.CONTENT_DIGEST_REQUIRED,
                    "A body sent with an Idempotency-Key must declare its Content-Digest.",
                    Issue.header(HEADER, null, "Required with Idempotency-Key."));
        }
    }

    /** Refuses a body whose SHA-256 differs from the declared one (it changed on the way). */
    public static void check(Optional<byte[]> expected, byte[] sha256) {
        if (expected.isPresent() && !MessageDigest.isEqual(expected.get(), sha256)) {
            throw new InvalidInputProblem(ProblemType.CONTENT_DIGEST_MISMATCH,
                    "The body's SHA-256 differs from Content-Digest: it changed on the way. Nothing was stored.",
                    Issue.header(HEADER, null, "Does not match the received body."));
        }
    }

    public static String of(String sha256Hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)) + ":";
    }

    private static byte[] decode(String value) {
        if (value.length() < 2 || !value.startsWith(":") || !value.endsWith(":")) {
            throw invalid("The sha-256 value is a byte sequence: base64 between colons.");
        }
        try {
            byte[] digest = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
            if (digest.length != 32) {
                throw invalid("A SHA-256 digest has 32 bytes.");
            }
            return digest;
        } catch (IllegalArgumentException e) {
            throw invalid("The sha-256 value is not valid base64.");
        }
    }

    private static InvalidInputProblem invalid(String detail) {
        return new InvalidInputProblem(Issue.header(HEADER, null, detail));
    }
}
