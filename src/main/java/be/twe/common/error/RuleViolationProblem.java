package be.twe.common.error;

/** A rule of the regulation is broken; the code names the rule, the detail the conflicting object. */
public class RuleViolationProblem extends DomainProblem {
    public RuleViolationProblem(String code, String title, String detail) {
        super(ProblemKind.RULE_VIOLATION, code, title, detail);
    }
}
