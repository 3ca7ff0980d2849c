package be.twe.imports.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemResponses;

class NdjsonLinesTest {
    static final NdjsonLines.Limits LIMITS = new NdjsonLines.Limits(3, 10, 40);

    final List<String> lines = new ArrayList<>();

    int read(byte[] body, NdjsonLines.Limits limits) {
        NdjsonLines.Read read = NdjsonLines.read(new ByteArrayInputStream(body), limits,
                (n, text) -> lines.add(n + ":" + text));
        try {
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), read.sha256(), "the whole body's");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return read.lines();
    }

    int read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    @Test
    void splitsOnLineEndsWithOrWithoutAFinalNewlineAndDropsCarriageReturns() {
        assertEquals(3, read("{\"a\":1}\r\n\n{\"b\":\"é\"}"));
        assertEquals(List.of("1:{\"a\":1}", "2:", "3:{\"b\":\"é\"}"), lines);
        lines.clear();
        assertEquals(2, read("x\ny\n"));
        assertEquals(List.of("1:x", "2:y"), lines);
    }

    @Test
    void refusesWhatBreaksTheLimitsNamingTheLine() {
        assertProblem("1234567890\n12345678901\n", 400, "line 2");
        assertProblem("a\nb\nc\nd\n", 400, "line 4");
        DomainProblem tooLarge = assertThrows(DomainProblem.class,
                () -> read("a\n".repeat(21).getBytes(StandardCharsets.UTF_8), new NdjsonLines.Limits(100, 10, 40)));
        assertEquals(413, ProblemResponses.of(tooLarge).getStatus());
        assertProblem("", 400, "$");
        assertProblem("ok\nnul\u0000\n", 400, "line 2");
        DomainProblem notUtf8 = assertThrows(DomainProblem.class,
                () -> read(new byte[] {'o', 'k', '\n', (byte) 0xC3, '(', '\n'}, LIMITS));
        assertEquals("line 2", notUtf8.issues().get(0).name());
    }

    void assertProblem(String body, int status, String name) {
        DomainProblem problem = assertThrows(DomainProblem.class, () -> read(body));
        assertEquals(status, ProblemResponses.of(problem).getStatus());
        if (name != null) {
            assertEquals(name, problem.issues().get(0).name());
        }
    }
}
