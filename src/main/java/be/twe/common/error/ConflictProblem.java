package be.twe.common.error;

import java.util.List;

/** The request conflicts with the current state, typically caught by a database constraint. */
public class ConflictProblem extends DomainProblem {
    private final List<Issue> issues;

    public ConflictProblem(String code, String title, String detail) {
        this(code, title, detail, List.of());
    }

    /** With the request fields that conflict with the stored record. */
    public ConflictProblem(String code, String title, String detail, List<Issue> issues) {
        super(ProblemKind.CONFLICT, code, title, detail);
        this.issues = List.copyOf(issues);
    }

    @Override
    public List<Issue> issues() {
        return issues;
    }
}
