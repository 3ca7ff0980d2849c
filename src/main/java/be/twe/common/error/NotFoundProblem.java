package be.twe.common.error;

/** The object does not exist, or the caller may not see it: both look the same from outside. */
public class NotFoundProblem extends DomainProblem {
    public NotFoundProblem(String resource, String id) {
        super(ProblemType.NOT_FOUND, "No " + resource + " '" + id + "'.");
    }
}
