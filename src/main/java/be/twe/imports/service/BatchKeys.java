package be.twe.imports.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether two batches of an import can run side by side, each in a transaction of its own (issue
 * 31), with the outcome of running them one after the other: every rule a line meets is about its
 * trajectory or its client (overlaps, durations, one open trajectory per client), so batches that
 * name no trajectory reference and no client in common cannot see each other's records. A line
 * that names its trajectory by id, or one not read ahead, could name anything: its batch runs
 * alone. A line refused on reading names nothing.
 */
final class BatchKeys {
    private final Set<String> references = new HashSet<>();
    private final Set<String> clients = new HashSet<>();

    private BatchKeys() {
    }

    static boolean independent(Collection<ImportPipeline.Read> first, Collection<ImportPipeline.Read> second) {
        BatchKeys a = of(first);
        BatchKeys b = of(second);
        return a != null && b != null && disjoint(a.references, b.references) && disjoint(a.clients, b.clients);
    }

    /** The batch's keys; null when it cannot be known (a line not read, or one naming a trajectory by id). */
    private static BatchKeys of(Collection<ImportPipeline.Read> reads) {
        BatchKeys keys = new BatchKeys();
        for (ImportPipeline.Read read : reads) {
            if (read == null || read.line() != null && read.line().trajectoryId() != null) {
                return null;
            }
            if (read.line() != null) {
                keys.references.add(read.line().namedTrajectoryReference());
                keys.clients.add(read.line().namedClient());
            }
        }
        keys.references.remove(null);
        keys.clients.remove(null);
        return keys;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
