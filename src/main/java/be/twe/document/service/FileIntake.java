package be.twe.document.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.ProblemType;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.rest.ContentDigest;
import be.twe.common.error.Issue;
import be.twe.document.storage.DocumentStore;

/**
 * Checks an uploaded file while it streams into the store: its size (up front from
 * Content-Length, then counted), that it is not empty, that its first bytes are of the declared
 * type, and its SHA-256 against the client's Content-Digest. Every refusal is an exception inside
 * the caller's transaction, so whatever was stored already is rolled back with it.
 */
@ApplicationScoped
public class FileIntake {
    @Inject
    DocumentStore store;
    @Inject
    DocumentSettings settings;

    /** An upload as it arrives: the body stream and what the request says about it. */
    public record Upload(InputStream body, String declaredType, Long contentLength, String contentDigest) {
    }

    public record StoredFile(String key, FileType type, long size, String sha256) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StoredFile store(Upload upload) {
        long max = settings.maxSize().asLongValue();
        FileType declared = FileType.ofMediaType(upload.declaredType()).orElseThrow(() ->
                new DomainProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Accepted: PDF, ODT, DOCX, PNG, JPEG."));
        Optional<byte[]> expected = ContentDigest.expectedSha256(upload.contentDigest());
        if (upload.contentLength() != null && upload.contentLength() > max) {
            throw DomainProblem.payloadTooLarge(max);
        }
        try {
            BufferedInputStream in = new BufferedInputStream(upload.body(), FileType.HEAD_BYTES);
            checkType(declared, in);
            MeasuredInput measured = new MeasuredInput(in, max);
            String key = store.store(measured);
            byte[] sha256 = measured.sha256();
            ContentDigest.check(expected, sha256);
            return new StoredFile(key, declared, measured.size(), HexFormat.of().formatHex(sha256));
        } catch (IOException e) {
            throw new InvalidInputProblem(ProblemType.UPLOAD_INCOMPLETE,
                    "The file could not be read to its end. Nothing was stored.",
                    Issue.body("file", null, "Incomplete."));
        }
    }

    private static void checkType(FileType declared, BufferedInputStream in) throws IOException {
        in.mark(FileType.HEAD_BYTES);
        byte[] head = in.readNBytes(FileType.HEAD_BYTES);
        in.reset();
        if (head.length == 0) {
            throw new InvalidInputProblem(ProblemType.EMPTY_FILE, "The file is empty.",
                    Issue.body("file", null, "Empty."));
        }
        FileType actual = FileType.recognise(head).orElseThrow(() -> new DomainProblem(ProblemType.CONTENT_NOT_RECOGNISED,
                "The content is not a " + declared + " file (nor another accepted type)."));
        if (actual != declared) {
            throw new DomainProblem(ProblemType.CONTENT_TYPE_MISMATCH,
                    "Content-Type says " + declared + " but the content is a " + actual + " file.");
        }
    }
}
