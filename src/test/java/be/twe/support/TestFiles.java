package be.twe.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small but real files of each accepted type, with random content so that every file is distinct. */
public final class TestFiles {
    public static final String PDF = "application/pdf";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private TestFiles() {
    }

    public static byte[] pdf(int size) {
        return withHeader("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), size);
    }

    public static byte[] pdf() {
        return pdf(4096);
    }

    /** A PDF of {@code size} bytes that is generated while it is read, so nobody holds it in memory. */
    public static InputStream pdfStream(long size) {
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                return position < header.length ? header[(int) position++] : (int) (position++ % 251);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    public static byte[] png() {
        return withHeader(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 2048);
    }

    public static byte[] jpeg() {
        return withHeader(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, 2048);
    }

    /** An ODF text package: "mimetype" first and stored, as the ODF specification requires. */
    public static byte[] odt() {
        byte[] mimetype = ODT.getBytes(StandardCharsets.US_ASCII);
        return zip(out -> {
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            out.write(mimetype);
            add(out, "content.xml", "<office:document-content/>");
        });
    }

    public static byte[] docx() {
        return zip(out -> {
            add(out, "[Content_Types].xml", "<Types/>");
            add(out, "word/document.xml", "<w:document/>");
        });
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] withHeader(byte[] header, int size) {
        byte[] content = new byte[size];
        ThreadLocalRandom.current().nextBytes(content);
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }

    private interface ZipWriter {
        void write(ZipOutputStream out) throws IOException;
    }

    private static byte[] zip(ZipWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            writer.write(out);
            add(out, "random.bin", Long.toString(ThreadLocalRandom.current().nextLong()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
    }
}
