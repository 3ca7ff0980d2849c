package be.twe.imports.service;

/** Runs one line as the call it names, in the caller's transaction; a refusal is an exception. */
public interface LineOperations {
    LineOutcome run(String line);
}
