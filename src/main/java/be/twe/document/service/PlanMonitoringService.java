package be.twe.document.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.tenancy.Today;
import be.twe.document.persistence.PlanMonitoringQueries;

/** Late and missing plans of one OCMW, for the OCMW itself, a cluster it mandated, and VDAB. */
@ApplicationScoped
@Transactional
public class PlanMonitoringService {
    @Inject
    PlanMonitoringQueries queries;
    @Inject
    OcmwGate gate;
    @Inject
    DocumentSettings settings;
    @Inject
    Today today;

    public record Report(String ocmwId, LocalDate asOf, int dueDays, PlanMonitoringQueries.Counts counts,
                         List<PlanMonitoringQueries.Missing> missing, List<PlanMonitoringQueries.Late> late,
                         List<PlanMonitoringQueries.KindCount> planKinds) {
    }

    public Report report(String ocmwId, Integer requestedDueDays) {
        gate.requireActingFor(ocmwId); // the queries are native SQL: this gate keeps them to the caller's OCMWs
        int dueDays = requestedDueDays != null ? requestedDueDays : settings.planDueDays();
        LocalDate asOf = today.date();
        return new Report(ocmwId, asOf, dueDays, queries.counts(ocmwId, dueDays, asOf),
                queries.missing(ocmwId, dueDays, asOf), queries.late(ocmwId, dueDays), queries.planKinds(ocmwId));
    }
}
