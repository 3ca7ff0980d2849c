package be.twe.privacy.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.paging.Slice;
import be.twe.common.privacy.AccessLog;
import be.twe.common.privacy.AccessLogQueries;
import be.twe.common.privacy.AccessLogWriter;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.OrganisationKind;
import be.twe.document.service.DocumentService;
import be.twe.document.service.DocumentView;
import be.twe.instrument.service.InstrumentService;
import be.twe.instrument.service.InstrumentView;
import be.twe.trajectory.service.Insz;
import be.twe.trajectory.service.TrajectoryService;
import be.twe.trajectory.service.TrajectoryView;
import be.twe.transfer.service.TransferService;
import be.twe.transfer.service.TransferView;

/**
 * A client's right of access (GDPR art. 15): every file the caller's OCMW holds of one INSZ, read
 * through the same services, so with the same tenancy, as each record's own GET. Producing it is
 * recorded in each file's access log.
 */
@ApplicationScoped
public class ClientAccessReports {
    private static final int PAGE = 500;

    /** One trajectory of the client with everything recorded in it. */
    public record ClientFile(TrajectoryView trajectory, List<InstrumentView> instruments,
                             List<DocumentView> documents, List<TransferView> transfers,
                             List<AccessLogQueries.Row> accessLog) {
    }

    @Inject
    CallerContext callers;
    @Inject
    TrajectoryService trajectories;
    @Inject
    InstrumentService instruments;
    @Inject
    DocumentService documents;
    @Inject
    TransferService transfers;
    @Inject
    AccessLogQueries accessLogs;
    @Inject
    AccessLogWriter accessLogWriter;
    @Inject
    AccessLog accessLog;

    @Transactional
    public List<ClientFile> of(String insz) {
        Caller caller = callers.current();
        if (caller.kind() != OrganisationKind.OCMW) {
            throw new DomainProblem(ProblemType.OCMW_ONLY,
                    Text.of("ocmw-only.access-report"));
        }
        if (!Insz.isValid(insz)) {
            throw new InvalidInputProblem(Issue.body("clientInsz", null, Text.of("insz-invalid")));
        }
        List<UUID> ids = trajectories.ofClient(insz, caller.own());
        if (ids.isEmpty()) {
            throw new NotFoundProblem("trajectory", "of this client in " + caller.organisationId());
        }
        accessLogWriter.flush(); // the reads of the last second too
        List<ClientFile> files = ids.stream().map(this::file).toList();
        accessLog.read("createClientAccessReport", files.stream().map(f -> new AccessLog.Read(caller.organisationId(),
                f.trajectory().id(), "trajectory", f.trajectory().id().toString())).toList());
        return files;
    }

    private ClientFile file(UUID id) {
        return new ClientFile(trajectories.get(id),
                instruments.all(id),
                Slice.all(cursor -> documents.list(id, null, PAGE, cursor)),
                Slice.all(cursor -> transfers.ofTrajectory(id, PAGE, cursor)),
                Slice.all(cursor -> accessLogs.of(id, PAGE, cursor)));
    }
}
