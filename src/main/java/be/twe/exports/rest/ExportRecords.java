package be.twe.exports.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import be.twe.api.model.Transfer;
import be.twe.coach.rest.CoachMapper;
import be.twe.coach.service.CoachService;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.privacy.AccessLog;
import be.twe.document.rest.DocumentMapper;
import be.twe.document.service.DocumentService;
import be.twe.exports.service.ExportEntry;
import be.twe.exports.service.ExportLines;
import be.twe.instrument.rest.InstrumentMapper;
import be.twe.instrument.service.InstrumentReads;
import be.twe.instrument.service.InstrumentService;
import be.twe.organisation.rest.OrganisationMapper;
import be.twe.organisation.service.FinancialDetailsService;
import be.twe.organisation.service.MandateService;
import be.twe.sync.service.FeedEntry;
import be.twe.transfer.rest.TransferMapper;
import be.twe.transfer.service.TransferService;
import be.twe.trajectory.rest.TrajectoryMapper;
import be.twe.trajectory.service.TrajectoryReads;
import be.twe.trajectory.service.TrajectoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * An export line: the record as its GET shows it, read by the same service (so with the same
 * tenancy); or a deletion when the record is deleted, no longer visible, or gone. Trajectories and
 * instruments, nearly all of an export, are read per batch with one statement per kind, each in
 * one round trip outside any transaction, as GET /trajectories/{id} reads (ADR 0012, issue 31);
 * the few other records of a batch by their services, in one transaction.
 */
@ApplicationScoped
public class ExportRecords implements ExportLines {
    /** The kinds read per batch; every other kind is read one record at a time. */
    private static final Set<String> BATCHED = Set.of("trajectory", "instrument");

    @Inject
    MandateService mandates;
    @Inject
    TrajectoryService trajectories;
    @Inject
    TrajectoryReads trajectoryReads;
    @Inject
    InstrumentReads instrumentReads;
    @Inject
    TrajectoryMapper trajectoryMapper;
    @Inject
    InstrumentService instruments;
    @Inject
    InstrumentMapper instrumentMapper;
    @Inject
    DocumentService documents;
    @Inject
    DocumentMapper documentMapper;
    @Inject
    TransferService transfers;
    @Inject
    TransferMapper transferMapper;
    @Inject
    CoachService coaches;
    @Inject
    CoachMapper coachMapper;
    @Inject
    FinancialDetailsService financialDetails;
    @Inject
    OrganisationMapper organisationMapper;
    @Inject
    AccessLog accessLog;
    private ObjectWriter writer;

    @Inject
    void writer(ObjectMapper json) {
        writer = json.writerFor(ExportLine.class);
    }

    @Override
    public List<Line> of(List<ExportEntry> exported) {
        List<FeedEntry> entries = exported.stream().map(ExportEntry::entry).toList();
        Map<String, Object> batched = readBatched(exported);
        Map<String, Optional<Object>> others = readOthers(entries.stream()
                .filter(e -> !gone(e) && !BATCHED.contains(e.resourceType())).toList());
        List<Line> lines = new ArrayList<>(entries.size());
        List<AccessLog.Read> reads = new ArrayList<>();
        for (FeedEntry entry : entries) {
            Optional<Object> record = gone(entry) ? Optional.empty()
                    : BATCHED.contains(entry.resourceType()) ? Optional.ofNullable(batched.get(entry.path()))
                    : others.get(entry.path());
            lines.add(line(entry, record));
            record.flatMap(r -> personalData(entry, r)).ifPresent(reads::add);
        }
        accessLog.read("createExport", reads);
        return lines;
    }

    private static boolean gone(FeedEntry entry) {
        return entry.kind().equals("DELETED") || entry.kind().equals("VISIBILITY_LOST");
    }

    /**
     * The other records of a batch (coaches, documents, mandates, ...) by path, read by their
     * services in one transaction: a transaction each was a third of an export of VDAB's (issue
     * 31). A record gone since the export's position ends that transaction (the service's 404
     * rolls it back); the batch's records are then read one transaction each, as before.
     */
    private Map<String, Optional<Object>> readOthers(List<FeedEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Map<String, Optional<Object>> records = new HashMap<>();
                entries.forEach(e -> records.put(e.path(), Optional.of(record(e))));
                return records;
            });
        } catch (NotFoundProblem e) {
            Map<String, Optional<Object>> records = new HashMap<>();
            entries.forEach(entry -> records.put(entry.path(), read(() -> record(entry))));
            return records;
        }
    }

    /**
     * The access-log entry of a record of a client's file; an export is read by the user who asked
     * for it only (ADR 0012), so writing it into the export is that user's read.
     */
    private static Optional<AccessLog.Read> personalData(FeedEntry entry, Object record) {
        if (record instanceof Transfer transfer) {
            return Optional.of(new AccessLog.Read(transfer.getOcmwId(), transfer.getTrajectoryId(),
                    entry.resourceType(), entry.resourceId()));
        }
        String[] p = entry.path().split("/"); // /trajectories/{t}/...: the entry's organisation is its OCMW
        return p[1].equals("trajectories") ? Optional.of(new AccessLog.Read(entry.organisationId(), id(p[2]),
                entry.resourceType(), entry.resourceId())) : Optional.empty();
    }

    /**
     * The visible trajectories and instruments among the entries, as DTOs by path: trajectories
     * that the export's one pass read with their entries as they are, the others per batch.
     */
    private Map<String, Object> readBatched(List<ExportEntry> entries) {
        Map<String, Object> records = new HashMap<>();
        Map<UUID, String> trajectoryPaths = new HashMap<>();
        Map<UUID, String[]> instrumentPaths = new HashMap<>();
        Map<UUID, UUID> trajectoryOfInstrument = new HashMap<>();
        for (ExportEntry exported : entries) {
            FeedEntry entry = exported.entry();
            String[] p = entry.path().split("/");
            if (exported.read()) {
                if (exported.trajectory() != null) {
                    records.put(entry.path(), trajectoryMapper.toDto(exported.trajectory()));
                }
            } else if (entry.resourceType().equals("trajectory")) {
                trajectoryPaths.put(id(p[2]), entry.path());
            } else if (entry.resourceType().equals("instrument")) {
                instrumentPaths.put(id(p[4]), p);
                trajectoryOfInstrument.put(id(p[4]), id(p[2]));
            }
        }
        // the read of GET /trajectories/{id}, for a batch: one round trip outside any transaction
        QuarkusTransaction.suspendingExisting().call(() -> trajectoryReads.visible(trajectoryPaths.keySet()))
                .forEach((id, view) -> records.put(trajectoryPaths.get(id), trajectoryMapper.toDto(view)));
        QuarkusTransaction.suspendingExisting().call(() -> instrumentReads.visible(trajectoryOfInstrument))
                .forEach((id, instrument) -> records.put(String.join("/", instrumentPaths.get(id)),
                        instrumentMapper.toDto(instrument)));
        return records;
    }

    private Line line(FeedEntry entry, Optional<Object> record) {
        ExportLine line = new ExportLine(entry.resourceType(), entry.resourceId(), entry.path(), entry.position(),
                record.isPresent() ? entry.version() : null, record.orElse(null), record.isPresent() ? null : true);
        try {
            return new Line(writer.writeValueAsString(line), record.isEmpty());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Records are always serialisable", e);
        }
    }

    /** An export line; a record that is gone has no version and no record, and is marked deleted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"resourceType", "resourceId", "path", "position", "version", "record", "deleted"})
    record ExportLine(String resourceType, String resourceId, String path, long position, Long version,
                      Object record, Boolean deleted) {
    }

    private static Optional<Object> read(Supplier<Object> reader) {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(reader::get));
        } catch (NotFoundProblem e) {
            return Optional.empty(); // deleted after the export's position, or no longer visible
        }
    }

    /** The path's ids: /trajectories/{t}/instruments/{i}, /organisations/{o}/coaches/{c}, /transfers/{t}, ... */
    private Object record(FeedEntry entry) {
        String[] p = entry.path().split("/");
        return switch (entry.resourceType()) {
            case "trajectory" -> trajectoryMapper.toDto(trajectories.get(id(p[2])));
            case "instrument" -> instrumentMapper.toDto(instruments.get(id(p[2]), id(p[4])));
            case "document" -> documentMapper.toDto(documents.get(id(p[2]), id(p[4])));
            case "document-version" -> documentMapper.toDto(documents.version(id(p[2]), id(p[4]),
                    Integer.valueOf(p[6])));
            case "transfer", "follow-up-action" -> transferMapper.toDto(transfers.get(id(p[2])));
            case "coach" -> coachMapper.toDto(coaches.get(p[2], id(p[4])));
            case "partner-agreement" -> coachMapper.toDto(coaches.agreement(p[2]));
            case "financial-details" -> organisationMapper.toDto(financialDetails.get(p[2]));
            case "mandate" -> organisationMapper.toDto(mandates.get(id(p[2])));
            default -> throw new IllegalStateException("No export for " + entry.resourceType());
        };
    }

    private static UUID id(String text) {
        return UUID.fromString(text);
    }
}
