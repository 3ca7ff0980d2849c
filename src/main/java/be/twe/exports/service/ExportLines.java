package be.twe.exports.service;

import java.util.List;

/** Turns records' last feed entries into their export lines (JSON), as the requesting user sees them. */
public interface ExportLines {
    /** The line, and whether it is a deletion. */
    record Line(String json, boolean deletion) {
    }

    /** The lines of these entries, in their order. */
    List<Line> of(List<ExportEntry> entries);
}
