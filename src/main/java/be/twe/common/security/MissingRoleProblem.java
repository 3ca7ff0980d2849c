package be.twe.common.security;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** 403: the token lacks a role the operation needs; the detail names it. */
public class MissingRoleProblem extends DomainProblem {
    public MissingRoleProblem(String roles) {
        super(ProblemType.MISSING_ROLE,
                Text.of("missing-role", roles, Roles.CLAIM_ROLES));
    }
}
