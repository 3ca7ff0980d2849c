package be.twe.exports.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.coach.rest.CoachMapper;
import be.twe.coach.service.CoachService;
import be.twe.common.error.NotFoundProblem;
import be.twe.document.rest.DocumentMapper;
import be.twe.document.service.DocumentService;
import be.twe.exports.service.ExportLines;
import be.twe.instrument.rest.InstrumentMapper;
import be.twe.instrument.service.InstrumentService;
import be.twe.organisation.rest.OrganisationMapper;
import be.twe.organisation.service.FinancialDetailsService;
import be.twe.organisation.service.MandateService;
import be.twe.sync.persistence.ChangeEventQueries.Entry;
import be.twe.transfer.rest.TransferMapper;
import be.twe.transfer.service.TransferService;
import be.twe.trajectory.rest.TrajectoryMapper;
import be.twe.trajectory.service.TrajectoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * An export line: the record as its GET shows it, read by the same service (so with the same
 * tenancy), each in a transaction of its own; or a deletion when the record is deleted, no
 * longer visible, or gone.
 */
@ApplicationScoped
public class ExportRecords implements ExportLines {
    @Inject
    MandateService mandates;
    @Inject
    ObjectMapper json;
    @Inject
    TrajectoryService trajectories;
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

    @Override
    public Line of(Entry entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("resourceType", entry.resourceType());
        line.put("resourceId", entry.resourceId());
        line.put("path", entry.path());
        line.put("position", entry.position());
        boolean gone = entry.kind().equals("DELETED") || entry.kind().equals("VISIBILITY_LOST");
        Optional<Object> record = gone ? Optional.empty() : read(() -> record(entry));
        if (record.isPresent()) {
            line.put("version", entry.version());
            line.put("record", record.get());
        } else {
            line.put("deleted", true);
        }
        try {
            return new Line(json.writeValueAsString(line), record.isEmpty());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Records are always serialisable", e);
        }
    }

    private static Optional<Object> read(Supplier<Object> reader) {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(reader::get));
        } catch (NotFoundProblem e) {
            return Optional.empty(); // deleted after the export's position, or no longer visible
        }
    }

    /** The path's ids: /trajectories/{t}/instruments/{i}, /organisations/{o}/coaches/{c}, /transfers/{t}, ... */
    private Object record(Entry entry) {
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
