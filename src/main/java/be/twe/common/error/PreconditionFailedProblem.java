package be.twe.common.error;

import be.twe.api.model.Problem;

public class PreconditionFailedProblem extends DomainProblem {
    private final String currentETag;

    public PreconditionFailedProblem(String currentETag) {
        super(ProblemType.PRECONDITION_FAILED,
                Text.of("precondition-failed"));
        this.currentETag = currentETag;
    }

    @Override
    public void addExtras(Problem problem) {
        problem.setCurrentETag(currentETag);
    }
}
