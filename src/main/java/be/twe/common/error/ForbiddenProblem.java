package be.twe.common.error;

/** The caller is authenticated but lacks what the operation needs (a role, a known organisation). */
public class ForbiddenProblem extends DomainProblem {
    public ForbiddenProblem(String code, String title, String detail) {
        super(ProblemKind.FORBIDDEN, code, title, detail);
    }
}
