package be.twe.common.tenancy;

public enum OrganisationKind {
    OCMW, CLUSTER, VDAB
}
