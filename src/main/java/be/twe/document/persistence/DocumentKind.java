package be.twe.document.persistence;

/** What a document is: a plan (POP, GPMI, another) or a report. Stored by name, as the contract names it. */
public enum DocumentKind {
    POP, GPMI, OTHER_PLAN, REPORT
}
