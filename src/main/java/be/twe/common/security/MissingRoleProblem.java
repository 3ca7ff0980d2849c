package be.twe.common.security;

import be.twe.common.error.ForbiddenProblem;

/** 403: the token lacks a role the operation needs; the detail names it. */
public class MissingRoleProblem extends ForbiddenProblem {
    public MissingRoleProblem(String roles) {
        super("missing-role", "Missing role",
                "This operation needs the role " + roles + " in the token's " + Roles.CLAIM_ROLES + " claim.");
    }
}
