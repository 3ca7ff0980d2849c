package be.twe.common.error;

/** The request body is larger than the limit for this kind of request. */
public class PayloadTooLargeProblem extends DomainProblem {
    public PayloadTooLargeProblem(long maxBytes) {
        super(ProblemKind.PAYLOAD_TOO_LARGE, "payload-too-large", "File too large",
                "The file is larger than the maximum of " + maxBytes + " bytes.");
    }
}
