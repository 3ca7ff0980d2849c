package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.privacy.AccessLogQueries;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.sync.service.Feeds;
import be.twe.trajectory.persistence.TrajectoryEntity;
import be.twe.trajectory.persistence.TrajectoryRepository;

/**
 * Trajectories and their rules. Every rule is evaluated on the dates in the record, never on
 * today's date, so that history since 2017 can be registered afterwards.
 */
@ApplicationScoped
@Transactional
@Feeds
public class TrajectoryService {
    @Inject
    TrajectoryRepository trajectories;
    @Inject
    Registrar registrar;
    @Inject
    InstrumentsOfTrajectory instruments;
    @Inject
    TransfersOfTrajectory transfers;
    @Inject
    CallerContext callers;
    @Inject
    AccessLogQueries accessLogs;

    public record NewTrajectory(String ocmwId, String clientInsz, LocalDate startDate, UUID coachId,
                                String externalReference) {
    }

    public record Change(UUID coachId, String externalReference, Boolean atWorkAtMeasurement,
                         Boolean atWorkWithin12Months) {
    }

    public record Ending(LocalDate endDate, EndReason endReason, String endAdvice) {
    }

    public TrajectoryView create(NewTrajectory input) {
        TrajectoryRules.requireNew(input);
        Registrar.Registration registration = registrar.authoriseOn(input.ocmwId(), input.coachId(),
                input.startDate());
        TrajectoryEntity trajectory = newTrajectory(input, registration);
        trajectories.insert(trajectory, input.clientInsz()); // a new trajectory has no instruments yet
        return new TrajectoryView(trajectory, InstrumentYears.of(trajectory, List.of()));
    }

    /** The trajectory a create that passed the rules makes, before the database adds its client. */
    static TrajectoryEntity newTrajectory(NewTrajectory input, Registrar.Registration registration) {
        TrajectoryEntity trajectory = new TrajectoryEntity();
        trajectory.id = UUID.randomUUID();
        trajectory.ocmwId = input.ocmwId();
        trajectory.startDate = input.startDate();
        trajectory.coachId = input.coachId();
        trajectory.registeredBy = registration.registeredBy();
        trajectory.onBehalf = registration.onBehalf();
        trajectory.externalReference = input.externalReference();
        trajectory.updatedAt = Timestamps.now();
        return trajectory;
    }

    public TrajectoryView get(UUID id) {
        return view(find(id));
    }

    /** A trajectory the caller may see, or 404: what its parts need of it. */
    public TrajectoryRoot root(UUID id) {
        return TrajectoryRoot.of(find(id));
    }

    /** The trajectories among {@code ids} the caller may see, as this transaction has them, by id. */
    public Map<UUID, TrajectoryRoot> roots(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : trajectories.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(t -> t.id, TrajectoryRoot::of));
    }

    /** The ids of the client's trajectories in the given OCMWs, by start. */
    public List<UUID> ofClient(String insz, Collection<String> ocmwIds) {
        return trajectories.ofClient(insz, ocmwIds);
    }

    /** A trajectory the caller may see, or 404. */
    TrajectoryEntity find(UUID id) {
        return trajectories.findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("trajectory", id.toString()));
    }

    /**
     * Who read the trajectory's file: for the OCMW it belongs to (or the one it merged into) and
     * VDAB; a cluster, or another OCMW under a mandate, acts for the OCMW but the log is the OCMW's
     * own record, so it gets 404 like any record it may not see.
     */
    public Slice<AccessLogQueries.Row> accessLog(UUID id, int limit, String cursor) {
        TrajectoryEntity trajectory = find(id);
        Caller caller = callers.current();
        if (!caller.unrestricted() && !caller.own().contains(trajectory.ocmwId)) {
            throw new NotFoundProblem("trajectory", trajectory.id.toString());
        }
        return accessLogs.of(trajectory.id, limit, cursor);
    }

    public TrajectoryView update(UUID id, IfMatch ifMatch, Change change) {
        TrajectoryEntity trajectory = find(id);
        ifMatch.check(trajectory.version);
        registrar.authoriseWrite(trajectory.ocmwId);
        if (!change.coachId().equals(trajectory.coachId)) {
            registrar.authorise(trajectory.ocmwId, change.coachId());
        }
        boolean measured = change.atWorkAtMeasurement() != null || change.atWorkWithin12Months() != null;
        if (measured && trajectory.isOpen()) {
            throw new DomainProblem(ProblemType.OUTCOME_BEFORE_END,
                    Text.of("outcome-before-end", id));
        }
        trajectory.coachId = change.coachId();
        trajectory.externalReference = change.externalReference();
        trajectory.atWorkAtMeasurement = change.atWorkAtMeasurement();
        trajectory.atWorkWithin12Months = change.atWorkWithin12Months();
        return touched(trajectory);
    }

    public TrajectoryView end(UUID id, IfMatch ifMatch, Ending ending) {
        TrajectoryEntity trajectory = find(id);
        ifMatch.check(trajectory.version);
        Registrar.Registration registration = registrar.authoriseWrite(trajectory.ocmwId);
        if (applyEnd(trajectory, ending)) {
            transfers.iboTakenOver(TrajectoryRoot.of(trajectory), trajectory.endDate, registration);
        }
        return touched(trajectory);
    }

    /**
     * Ends the trajectory as part of its transfer to VDAB, for a caller the transfer authorised.
     * Every end rule applies; an IBO taken over needs no transfer of its own, this one is it.
     */
    public TrajectoryRoot endByTransfer(UUID id, Ending ending) {
        TrajectoryEntity trajectory = find(id); // already in the transaction's persistence context
        applyEnd(trajectory, ending);
        touched(trajectory);
        return TrajectoryRoot.of(trajectory);
    }

    /** True when the end made VDAB take over a running IBO. */
    private boolean applyEnd(TrajectoryEntity trajectory, Ending ending) {
        UUID id = trajectory.id;
        if (!trajectory.isOpen()) {
            throw new DomainProblem(ProblemType.TRAJECTORY_ENDED,
                    Text.of("trajectory-ended", id, trajectory.endDate));
        }
        if (ending.endDate().isBefore(trajectory.startDate)) {
            throw new DomainProblem(ProblemType.TRAJECTORY_END_BEFORE_START,
                    Text.of("trajectory-end-before-start", id, trajectory.startDate));
        }
        if (ending.endDate().isAfter(trajectory.plannedEndDate)
                && !instruments.art60WithoutSocialRightsRunsOn(id, ending.endDate())) {
            throw new DomainProblem(ProblemType.TRAJECTORY_MAX_DURATION,
                    Text.of("trajectory-max-duration", id, trajectory.plannedEndDate));
        }
        if (ending.endReason() == EndReason.MAX_DURATION_REACHED) {
            TrajectoryRules.requireMaxDurationReached(id, trajectory.plannedEndDate, ending.endDate());
        }
        boolean iboTakenOver = instruments.trajectoryEnds(id, ending.endDate());
        trajectory.endDate = ending.endDate();
        trajectory.endReason = ending.endReason();
        trajectory.endAdvice = ending.endAdvice();
        return iboTakenOver;
    }

    private TrajectoryView touched(TrajectoryEntity trajectory) {
        trajectory.updatedAt = Timestamps.now();
        trajectories.flush();
        return view(trajectory);
    }

    private TrajectoryView view(TrajectoryEntity trajectory) {
        return new TrajectoryView(trajectory, InstrumentYears.of(trajectory, instruments.datesOf(trajectory.id)));
    }
}
