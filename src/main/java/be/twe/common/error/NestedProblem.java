package be.twe.common.error;

import java.util.List;

import be.twe.api.model.Problem;

/**
 * A problem of a request carried inside another one (an import line's {@code body}): the same
 * problem, with its body fields named from the outer request.
 */
public class NestedProblem extends DomainProblem {
    private final DomainProblem inner;
    private final String prefix;

    public NestedProblem(DomainProblem inner, String prefix) {
        super(inner.type(), inner.detail());
        this.inner = inner;
        this.prefix = prefix;
    }

    @Override
    public List<Issue> issues() {
        return inner.issues().stream().map(i -> "body".equals(i.in()) && !i.name().startsWith(prefix)
                ? new Issue(i.in(), prefix + i.name(), i.value(), i.text()) : i).toList();
    }

    @Override
    public void addExtras(Problem problem) {
        inner.addExtras(problem);
    }
}
