package be.twe.privacy.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import be.twe.api.PrivacyApi;
import be.twe.api.model.ClientAccessReport;
import be.twe.api.model.ClientAccessRequest;
import be.twe.api.model.ClientFile;
import be.twe.common.persistence.Timestamps;
import be.twe.common.security.Roles;
import be.twe.common.tenancy.CallerContext;
import be.twe.document.rest.DocumentMapper;
import be.twe.instrument.rest.InstrumentMapper;
import be.twe.privacy.service.ClientAccessReports;
import be.twe.trajectory.rest.TrajectoryMapper;
import be.twe.transfer.rest.TransferMapper;

public class ClientAccessResource implements PrivacyApi {
    @Inject
    ClientAccessReports reports;
    @Inject
    CallerContext callers;
    @Inject
    TrajectoryMapper trajectories;
    @Inject
    InstrumentMapper instruments;
    @Inject
    DocumentMapper documents;
    @Inject
    TransferMapper transfers;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response createClientAccessReport(ClientAccessRequest in) {
        ClientAccessReport report = new ClientAccessReport().clientInsz(in.getClientInsz())
                .ocmwId(callers.current().organisationId()).producedAt(Timestamps.now());
        reports.of(in.getClientInsz()).forEach(file -> report.addFilesItem(new ClientFile()
                .trajectory(trajectories.toDto(file.trajectory()))
                .instruments(file.instruments().stream().map(instruments::toDto).toList())
                .documents(file.documents().stream().map(documents::toDto).toList())
                .transfers(transfers.toDtos(file.transfers()))
                .accessLog(file.accessLog().stream().map(trajectories::toDto).toList())));
        return Response.ok(report).build();
    }
}
