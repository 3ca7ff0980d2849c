package be.twe.instrument.service;

import java.time.LocalDate;
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
import be.twe.common.paging.Keyset;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.KeyLock;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.IfMatch;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentRepository;
import be.twe.instrument.persistence.InstrumentOutcome;
import be.twe.instrument.persistence.InstrumentType;
import be.twe.sync.service.Feeds;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.trajectory.service.TrajectoryService;
import be.twe.trajectory.service.TransfersOfTrajectory;

@ApplicationScoped
@Transactional
@Feeds
public class InstrumentService {
    private static final int PAGE = 500;

    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentRules rules;
    @Inject
    TrajectoryService trajectories;
    @Inject
    Registrar registrar;
    @Inject
    KeyLock lock;
    @Inject
    TransfersOfTrajectory transfers;

    public record Ending(LocalDate endDate, InstrumentOutcome outcome, String stopReason) {
    }

    public InstrumentEntity create(UUID trajectoryId, NewInstrument in) {
        return create(trajectoryId, in, null);
    }

    /** A new instrument, under the caller's own reference when one is given. */
    public InstrumentEntity create(UUID trajectoryId, NewInstrument in, String externalReference) {
        TrajectoryRoot trajectory = trajectories.root(trajectoryId);
        Registrar.Registration registration = registrar.authorise(trajectory.ocmwId(), in.coachId());
        rules.check(trajectory, in, null);
        lock.lock("instrument-period", trajectory.id().toString()); // KeyLock: an overlap, never a deadlock
        InstrumentEntity instrument = newInstrument(trajectory, in, registration, externalReference);
        instruments.persist(instrument);
        instruments.flush(); // overlap and single technical training are decided here under concurrency
        return instrument;
    }

    /** The instrument a create that passed the rules makes. */
    static InstrumentEntity newInstrument(TrajectoryRoot trajectory, NewInstrument in,
                                                 Registrar.Registration registration, String externalReference) {
        InstrumentEntity instrument = new InstrumentEntity();
        instrument.id = UUID.randomUUID();
        instrument.trajectoryId = trajectory.id();
        instrument.ocmwId = trajectory.ocmwId();
        instrument.type = in.type();
        apply(instrument, in);
        instrument.registeredBy = registration.registeredBy();
        instrument.onBehalf = registration.onBehalf();
        instrument.externalReference = externalReference;
        return instrument;
    }

    public InstrumentEntity update(UUID trajectoryId, UUID instrumentId, IfMatch ifMatch, NewInstrument in) {
        InstrumentEntity instrument = get(trajectoryId, instrumentId);
        ifMatch.check(instrument.version);
        TrajectoryRoot trajectory = trajectories.root(trajectoryId);
        registrar.authoriseWrite(trajectory.ocmwId());
        if (!in.coachId().equals(instrument.coachId)) {
            registrar.authorise(trajectory.ocmwId(), in.coachId());
        }
        if (!instrument.is(in.type())) {
            throw new DomainProblem(ProblemType.INSTRUMENT_TYPE_FIXED,
                    Text.of("instrument-type-fixed", instrumentId, instrument.type));
        }
        if (instrument.endDate != null) {
            throw new DomainProblem(ProblemType.INSTRUMENT_ENDED,
                    Text.of("instrument-ended", instrumentId, instrument.endDate));
        }
        rules.check(trajectory, in, instrumentId);
        lock.lock("instrument-period", trajectory.id().toString());
        apply(instrument, in);
        instruments.flush();
        return instrument;
    }

    private static void apply(InstrumentEntity instrument, NewInstrument in) {
        instrument.startDate = in.startDate();
        instrument.plannedEndDate = in.plannedEndDate();
        instrument.coachId = in.coachId();
        instrument.employer = in.employer();
        instrument.socialRightsBuiltUp = in.socialRightsBuiltUp();
        if (in.training() != null) {
            instrument.trainingName = in.training().name();
            instrument.trainingOrganiser = in.training().organiser();
            instrument.trainingRecognised = in.training().recognisedByVdab();
            instrument.trainingTechnical = in.training().technical();
            instrument.trainingFullTime = in.training().fullTime();
        }
        instrument.updatedAt = Timestamps.now();
    }

    public Slice<InstrumentEntity> list(UUID trajectoryId, int limit, String cursor) {
        trajectories.root(trajectoryId);
        return Slice.of(instruments.ofTrajectory(trajectoryId, Keyset.after(cursor, LocalDate::parse), limit + 1),
                limit, i -> Keyset.cursor(i.startDate, i.id));
    }

    /** Every instrument of the trajectory, in the order of {@link #list} (a client's access report). */
    public List<InstrumentView> all(UUID trajectoryId) {
        return Slice.all(cursor -> list(trajectoryId, PAGE, cursor)).stream().map(InstrumentView::new).toList();
    }

    public InstrumentEntity get(UUID trajectoryId, UUID instrumentId) {
        return instruments.findByIdOptional(instrumentId).filter(i -> i.trajectoryId.equals(trajectoryId))
                .orElseThrow(() -> new NotFoundProblem("instrument", instrumentId.toString()));
    }

    public InstrumentEntity end(UUID trajectoryId, UUID instrumentId, IfMatch ifMatch, Ending ending) {
        InstrumentEntity instrument = get(trajectoryId, instrumentId);
        ifMatch.check(instrument.version);
        Registrar.Registration registration = registrar.authoriseWrite(instrument.ocmwId);
        if (ending.outcome() == InstrumentOutcome.STOPPED_EARLY && (ending.stopReason() == null || ending.stopReason().isBlank())) {
            throw new InvalidInputProblem(Issue.body("stopReason", null, Text.of("stop-reason-required")));
        }
        if (instrument.endDate != null) {
            throw new DomainProblem(ProblemType.INSTRUMENT_ENDED,
                    Text.of("instrument-ended", instrumentId, instrument.endDate));
        }
        if (ending.endDate().isBefore(instrument.startDate) || ending.endDate().isAfter(instrument.plannedEndDate)) {
            throw new DomainProblem(ProblemType.INSTRUMENT_END_OUTSIDE_PERIOD,
                    Text.of("instrument-end-outside-period", instrumentId, instrument.startDate, instrument.plannedEndDate));
        }
        if (ending.outcome() == InstrumentOutcome.TAKEN_OVER_BY_VDAB && !instrument.is(InstrumentType.IBO)) {
            throw new DomainProblem(ProblemType.TAKEOVER_NOT_IBO,
                    Text.of("takeover-not-ibo", instrumentId, instrument.type));
        }
        boolean takenOver = ending.outcome() == InstrumentOutcome.TAKEN_OVER_BY_VDAB;
        TrajectoryRoot trajectory = takenOver ? trajectories.root(trajectoryId) : null; // read only when needed
        if (takenOver && trajectory.isOpen()) {
            throw new DomainProblem(ProblemType.TAKEOVER_BEFORE_END, Text.of("takeover-before-end", trajectoryId));
        }
        instrument.endDate = ending.endDate();
        instrument.outcome = ending.outcome();
        instrument.stopReason = ending.stopReason();
        instrument.updatedAt = Timestamps.now();
        instruments.flush();
        if (takenOver) { // the same transfer as when the trajectory's end takes it over
            transfers.iboTakenOver(trajectory, trajectory.endDate(), registration);
        }
        return instrument;
    }
}
