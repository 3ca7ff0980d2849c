package be.twe.common.error;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/** A request field or parameter is invalid; {@link #issues()} names each one. */
public class InvalidInputProblem extends DomainProblem {

    public InvalidInputProblem(List<Issue> issues) {
        super(ProblemType.INVALID_INPUT, Text.of("invalid-input", issues.size()), issues);
    }

    public InvalidInputProblem(Issue issue) {
        this(List.of(issue));
    }

    /** Bean validation's findings on a body read by hand, its fields named under {@code prefix}. */
    public static void throwIfAny(Set<? extends ConstraintViolation<?>> violations, String prefix) {
        if (!violations.isEmpty()) {
            throw new InvalidInputProblem(violations.stream()
                    .map(v -> Issue.body(prefix + v.getPropertyPath(), null, Text.of("validation", v.getMessage())))
                    .sorted(Comparator.comparing(Issue::name)).toList());
        }
    }

    /** A specific kind of invalid input that clients may want to tell apart, e.g. a digest mismatch. */
    public InvalidInputProblem(ProblemType type, Text detail, Issue issue) {
        super(type, detail, List.of(issue));
    }
}
