package be.twe.common.error;

public class PreconditionRequiredProblem extends DomainProblem {
    public PreconditionRequiredProblem() {
        super(ProblemKind.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                "This change needs an If-Match header with the current ETag of the resource.");
    }
}
