package be.twe.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where document content lives. The default keeps it in PostgreSQL; an object store can be added
 * behind this interface later. Implementations stream: they never hold a whole file in memory.
 */
public interface DocumentStore {

    /**
     * Copies the stream to a new object within the caller's transaction and returns its key. If the
     * transaction rolls back, the object must not survive.
     */
    String store(InputStream content) throws IOException;

    /** Copies a stored object to {@code out}, in its own transaction. */
    void copyTo(String key, OutputStream out) throws IOException;

    /** Removes a stored object for good, within the caller's transaction (retention, ADR 0031). */
    void erase(String key);
}
