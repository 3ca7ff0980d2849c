package be.twe.imports.service;

/** Reads a line as the request of the call it names; a line that does not read is refused with an exception. */
public interface LineOperations {
    ParsedLine read(String line);
}
