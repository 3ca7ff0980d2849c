package be.twe.helpdesk.persistence;

/** What a helpdesk request asks. Stored by name, as the contract names it. */
public enum HelpdeskRequestKind {
    REGISTRATION, CORRECTION, QUESTION
}
