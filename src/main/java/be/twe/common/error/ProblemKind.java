package be.twe.common.error;

/** What went wrong, independent of HTTP; {@link ProblemResponses} turns it into a status. */
public enum ProblemKind {
    INVALID_INPUT(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    GONE(410),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RULE_VIOLATION(422),
    PRECONDITION_REQUIRED(428),
    INTERNAL(500);

    final int status;

    ProblemKind(int status) {
        this.status = status;
    }
}
