package be.twe.common.error;

import java.util.List;

/** A request field or parameter is invalid; {@link #issues()} names each one. */
public class InvalidInputProblem extends DomainProblem {
    private final List<Issue> issues;

    public InvalidInputProblem(List<Issue> issues) {
        super(ProblemKind.INVALID_INPUT, "invalid-input", "Invalid input",
                "The request has " + issues.size() + " invalid field(s); see issues.");
        this.issues = List.copyOf(issues);
    }

    public InvalidInputProblem(Issue issue) {
        this(List.of(issue));
    }

    /** A specific kind of invalid input that clients may want to tell apart, e.g. a digest mismatch. */
    public InvalidInputProblem(String code, String title, String detail, Issue issue) {
        super(ProblemKind.INVALID_INPUT, code, title, detail);
        this.issues = List.of(issue);
    }

    @Override
    public List<Issue> issues() {
        return issues;
    }
}
