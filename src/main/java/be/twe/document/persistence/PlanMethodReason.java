package be.twe.document.persistence;

/** Why an OCMW does not use the POP. Stored by name, as the contract names it. */
public enum PlanMethodReason {
    GPMI_ALREADY_REQUIRED, CASE_SYSTEM_TEMPLATE, CLUSTER_METHOD, OTHER
}
