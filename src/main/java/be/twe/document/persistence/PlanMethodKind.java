package be.twe.document.persistence;

/** The plan an OCMW uses as its personal development plan. Stored by name, as the contract names it. */
public enum PlanMethodKind {
    POP, GPMI, OTHER_PLAN
}
