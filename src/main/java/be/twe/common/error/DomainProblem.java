package be.twe.common.error;

import java.util.List;

/**
 * Base of the exceptions services throw. Each carries a stable machine code that becomes the
 * problem's {@code code} and {@code type}; the detail must never contain personal data.
 */
public abstract class DomainProblem extends RuntimeException {
    private final ProblemKind kind;
    private final String code;
    private final String title;

    protected DomainProblem(ProblemKind kind, String code, String title, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.title = title;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Issue> issues() {
        return List.of();
    }

    /** Extra members of the problem body, e.g. {@code currentETag}. */
    public void addExtras(be.twe.api.model.Problem problem) {
    }
}
