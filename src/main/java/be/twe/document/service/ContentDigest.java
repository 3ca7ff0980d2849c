package be.twe.document.service;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;

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
