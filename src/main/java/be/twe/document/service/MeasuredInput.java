package be.twe.document.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import be.twe.common.error.DomainProblem;

/** Counts and hashes the bytes that pass, and stops as soon as there are more than the limit. */
final class MeasuredInput extends FilterInputStream {
    private final long limit;
    private final MessageDigest sha256;
    private long size;

    MeasuredInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            size += n;
            if (size > limit) {
                throw DomainProblem.payloadTooLarge(limit);
            }
            sha256.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every byte is hashed");
    }

    long size() {
        return size;
    }

    byte[] sha256() {
        return sha256.digest();
    }
}
