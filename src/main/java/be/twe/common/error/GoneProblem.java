package be.twe.common.error;

/** The object still exists for the record but is no longer handed out (e.g. a withdrawn document version). */
public class GoneProblem extends DomainProblem {
    public GoneProblem(String code, String title, String detail) {
        super(ProblemKind.GONE, code, title, detail);
    }
}
