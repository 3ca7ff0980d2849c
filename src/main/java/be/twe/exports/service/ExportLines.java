package be.twe.exports.service;

import be.twe.sync.persistence.ChangeEventQueries;

/** Turns a record's last feed entry into its export line (JSON), as the requesting user sees it. */
public interface ExportLines {
    /** The line, and whether it is a deletion. */
    record Line(String json, boolean deletion) {
    }

    Line of(ChangeEventQueries.Entry entry);
}
