package be.twe.common.error;

import java.util.List;

/**
 * The exception services throw: a type from the catalogue ({@link ProblemType}) and a detail
 * naming the object at fault, which must never contain personal data. Its message is the detail
 * in English; the answer has it in the caller's language.
 */
public class DomainProblem extends RuntimeException {
    private final ProblemType type;
    private final Text detail;
    private final List<Issue> issues;

    /** With a detail the caller reads in its own language (ADR 0037). */
    public DomainProblem(ProblemType type, Text detail) {
        this(type, detail, List.of());
    }

    public DomainProblem(ProblemType type, Text detail, List<Issue> issues) {
        super(detail.english(), null, false, false);
        this.type = type;
        this.detail = detail;
        this.issues = List.copyOf(issues);
    }

    /** The request body is larger than the limit for this kind of request. */
    public static DomainProblem payloadTooLarge(long maxBytes) {
        return new DomainProblem(ProblemType.PAYLOAD_TOO_LARGE, Text.of("payload-too-large", maxBytes));
    }

    public ProblemType type() {
        return type;
    }

    public Text detail() {
        return detail;
    }

    public List<Issue> issues() {
        return issues;
    }

    /** Extra members of the problem body, e.g. {@code currentETag}. */
    public void addExtras(be.twe.api.model.Problem problem) {
    }
}
