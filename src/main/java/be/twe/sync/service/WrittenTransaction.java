package be.twe.sync.service;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

/** The database transaction a request wrote in, kept until the response is sent. */
@RequestScoped
public class WrittenTransaction {
    /** The HTTP methods that write; reads (GET, HEAD, OPTIONS) write no feed entry. */
    public static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private String transaction;
    private Long position;
    private int depth;

    boolean enter() {
        return depth++ == 0;
    }

    void leave() {
        depth--;
    }

    void wroteIn(String transaction, Long position) {
        this.transaction = transaction;
        this.position = position;
    }

    /** A replayed response (idempotent retry) tells the position of the transaction that made it. */
    public void replayOf(String transaction) {
        this.transaction = transaction;
        this.position = null;
    }

    /** The last position the request's own transaction gave, known before its commit (V31). */
    public Long position() {
        return position;
    }

    public String transaction() {
        return transaction;
    }
}
