package be.twe.sync.idempotency;

/** The first response to a create, as kept for its retries. */
record StoredResponse(String fingerprint, int status, String body, String location, String etag,
                      String transaction) {
}
