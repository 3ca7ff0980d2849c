package be.twe.common.error;

import java.util.List;

/** A request field or parameter is invalid; {@link #issues()} names each one. */
public class InvalidInputProblem extends DomainProblem {

    public InvalidInputProblem(List<Issue> issues) {
        super(ProblemType.INVALID_INPUT, Text.of("invalid-input", issues.size()), issues);
    }

    public InvalidInputProblem(Issue issue) {
        this(List.of(issue));
    }

    /** A specific kind of invalid input that clients may want to tell apart, e.g. a digest mismatch. */
    public InvalidInputProblem(ProblemType type, String detail, Issue issue) {
        super(type, detail, List.of(issue));
    }

    public InvalidInputProblem(ProblemType type, Text detail, Issue issue) {
        super(type, detail, List.of(issue));
    }
}
