package be.twe.document.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.rest.ContentDigest;
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
    private static final String OCTET_STREAM = "application/octet-stream";

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
        // octet-stream: the client does not say (generated clients often cannot); the content tells
        FileType declared = OCTET_STREAM.equalsIgnoreCase(upload.declaredType()) ? null
                : FileType.ofMediaType(upload.declaredType()).orElseThrow(() -> new DomainProblem(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE, Text.of("file-types")));
        Optional<byte[]> expected = ContentDigest.expectedSha256(upload.contentDigest());
        if (upload.contentLength() != null && upload.contentLength() > max) {
            throw DomainProblem.payloadTooLarge(max);
        }
        try {
            BufferedInputStream in = new BufferedInputStream(upload.body(), FileType.HEAD_BYTES);
            FileType type = checkType(declared, in);
            MeasuredInput measured = new MeasuredInput(in, max);
            String key = store.store(measured);
            byte[] sha256 = measured.sha256();
            ContentDigest.check(expected, sha256);
            return new StoredFile(key, type, measured.size(), HexFormat.of().formatHex(sha256));
        } catch (IOException e) {
            throw new InvalidInputProblem(ProblemType.UPLOAD_INCOMPLETE,
                    Text.of("file-incomplete"), Issue.body("file", null, Text.of("incomplete")));
        }
    }

    /** The content's type, which must be the declared one when the client declared one. */
    private static FileType checkType(FileType declared, BufferedInputStream in) throws IOException {
        in.mark(FileType.HEAD_BYTES);
        byte[] head = in.readNBytes(FileType.HEAD_BYTES);
        in.reset();
        if (head.length == 0) {
            throw new InvalidInputProblem(ProblemType.EMPTY_FILE, Text.of("empty-file"),
                    Issue.body("file", null, Text.of("empty")));
        }
        FileType actual = FileType.recognise(head).orElseThrow(() -> new DomainProblem(ProblemType.CONTENT_NOT_RECOGNISED,
                declared == null ? Text.of("content-not-recognised") : Text.of("content-not-recognised.declared", declared)));
        if (declared != null && actual != declared) {
            throw new DomainProblem(ProblemType.CONTENT_TYPE_MISMATCH,
                    Text.of("content-type-mismatch", declared, actual));
        }
        return actual;
    }
}
