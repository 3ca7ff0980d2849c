package be.twe.common.security;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;

/** 403: the token lacks a role the operation needs; the detail names it. */
public class MissingRoleProblem extends DomainProblem {
    public MissingRoleProblem(String roles) {
        super(ProblemType.MISSING_ROLE,
                "This operation needs the role " + roles + " in the token's " + Roles.CLAIM_ROLES + " claim.");
    }
}
