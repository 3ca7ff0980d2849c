package be.twe.exports.service;

import be.twe.sync.service.FeedEntry;
import be.twe.trajectory.service.TrajectoryView;

/**
 * A record's last feed entry in an export, and its trajectory when the export's one pass read it
 * with the entry ({@link ExportFeed}): then {@code read} is true, and {@code trajectory} is null
 * when the caller may see none.
 */
public record ExportEntry(FeedEntry entry, boolean read, TrajectoryView trajectory) {
    /** An entry whose record is still to be read. */
    public static ExportEntry unread(FeedEntry entry) {
        return new ExportEntry(entry, false, null);
    }
}
