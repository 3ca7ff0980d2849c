package be.twe.common.error;

/** The request conflicts with the current state, typically caught by a database constraint. */
public class ConflictProblem extends DomainProblem {
    public ConflictProblem(String code, String title, String detail) {
        super(ProblemKind.CONFLICT, code, title, detail);
    }
}
