package be.twe.common.error;

/** The declared media type is not accepted, or the content is not what it claims to be. */
public class UnsupportedMediaTypeProblem extends DomainProblem {
    public UnsupportedMediaTypeProblem(String code, String detail) {
        super(ProblemKind.UNSUPPORTED_MEDIA_TYPE, code, "Unsupported media type", detail);
    }
}
