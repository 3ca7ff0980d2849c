package be.twe.common.error;

import java.util.List;

/**
 * The exception services throw: a type from the catalogue ({@link ProblemType}) and a detail
 * naming the object at fault, which must never contain personal data.
 */
public class DomainProblem extends RuntimeException {
    private final ProblemType type;
    private final List<Issue> issues;

    public DomainProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** With the request fields at fault, or that conflict with the stored record. */
    public DomainProblem(ProblemType type, String detail, List<Issue> issues) {
        super(detail, null, false, false);
        this.type = type;
        this.issues = List.copyOf(issues);
    }

    /** The request body is larger than the limit for this kind of request. */
    public static DomainProblem payloadTooLarge(long maxBytes) {
        return new DomainProblem(ProblemType.PAYLOAD_TOO_LARGE,
                "The file is larger than the maximum of " + maxBytes + " bytes.");
    }

    public ProblemType type() {
        return type;
    }

    public List<Issue> issues() {
        return issues;
    }

    /** Extra members of the problem body, e.g. {@code currentETag}. */
    public void addExtras(be.twe.api.model.Problem problem) {
    }
}
