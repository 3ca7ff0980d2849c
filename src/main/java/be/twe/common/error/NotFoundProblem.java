package be.twe.common.error;

/** The object does not exist, or the caller may not see it: both look the same from outside. */
public class NotFoundProblem extends DomainProblem {
    /** The resource's name is a key of the problem texts ({@code resource.<name>}), e.g. {@code trajectory}. */
    public NotFoundProblem(String resource, String id) {
        super(ProblemType.NOT_FOUND, Text.of("not-found", Text.of("resource." + resource.replace(' ', '-')), id));
    }
}
