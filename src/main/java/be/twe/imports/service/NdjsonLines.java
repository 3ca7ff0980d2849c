package be.twe.imports.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;

/**
 * Splits an NDJSON body into lines as it streams in, within limits on the number of lines, a
 * line's length and the whole size, so that no file is ever held in memory at once.
 */
final class NdjsonLines {
    interface Consumer {
        void line(int number, String text);
    }

    record Limits(int maxLines, int maxLineBytes, long maxBytes) {
    }

    /** How many lines the body had, and its SHA-256 (for Content-Digest). */
    record Read(int lines, byte[] sha256) {
    }

    private NdjsonLines() {
    }

    /** Hands each line (without its line end) to the consumer. */
    static Read read(InputStream in, Limits limits, Consumer consumer) {
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int count = 0;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw DomainProblem.payloadTooLarge(limits.maxBytes());
                }
                sha256.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count = emit(++count, line, limits, consumer);
                    } else if (line.size() == limits.maxLineBytes()) {
                        throw invalid(count + 1, Text.of("line.too-long", limits.maxLineBytes()));
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line.size() > 0) {
            count = emit(++count, line, limits, consumer);
        }
        if (count == 0) {
            throw new InvalidInputProblem(new Issue("body", "$", null, Text.of("lines.none")));
        }
        return new Read(count, sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static int emit(int number, ByteArrayOutputStream line, Limits limits, Consumer consumer) {
        if (number > limits.maxLines()) {
            throw invalid(number, Text.of("lines.too-many", limits.maxLines()));
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(number, Text.of("lines.not-utf8"));
        }
        if (text.indexOf('\u0000') >= 0) { // JSON escapes it; PostgreSQL text cannot hold it
            throw invalid(number, Text.of("lines.nul"));
        }
        consumer.line(number, text);
        line.reset();
        return number;
    }

    private static InvalidInputProblem invalid(int number, Text detail) {
        return new InvalidInputProblem(new Issue("body", "line " + number, null, detail));
    }
}
