package be.twe.document.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The accepted file types and how to recognise each from its first bytes. Five fixed signatures
 * from the formats' own specifications; a general detection library would add far more than it
 * brings here (ADR 0006).
 */
public enum FileType {
    PDF("application/pdf"),
    ODT("application/vnd.oasis.opendocument.text"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PNG("image/png"),
    JPEG("image/jpeg");

    /** Enough of the start of a file to recognise it. */
    public static final int HEAD_BYTES = 8 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    /** ODF: the first zip entry is "mimetype", stored uncompressed, so its content starts at offset 38. */
    private static final byte[] ODT_MIMETYPE = ascii("mimetypeapplication/vnd.oasis.opendocument.text");

    public final String mediaType;

    FileType(String mediaType) {
        this.mediaType = mediaType;
    }

    public static Optional<FileType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    /** What the content is, judged from its first bytes, if it is one of the accepted types. */
    public static Optional<FileType> recognise(byte[] head) {
        if (indexOf(head, ascii("%PDF-"), 0, 1024) >= 0) { // readers accept the header within 1 KB
            return Optional.of(PDF);
        }
        if (startsWith(head, PNG_SIGNATURE, 0)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, JPEG_SIGNATURE, 0)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, ZIP_SIGNATURE, 0)) {
            if (startsWith(head, ODT_MIMETYPE, 30)) {
                return Optional.of(ODT);
            }
            // OOXML: word processors write the content types or the word/ part among the first entries
            if (indexOf(head, ascii("[Content_Types].xml"), 30, head.length) >= 0
                    || indexOf(head, ascii("word/"), 30, head.length) >= 0) {
                return Optional.of(DOCX);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int offset) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] needle, int from, int to) {
        int last = Math.min(to, data.length) - needle.length;
        for (int i = from; i <= last; i++) {
            if (startsWith(data, needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
