package be.twe.trajectory.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.persistence.KeyLock;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.CallerContext;
import be.twe.sync.service.Feeds;
import be.twe.trajectory.persistence.TrajectoryEntity;
import be.twe.trajectory.persistence.TrajectoryRepository;

/**
 * Trajectories addressed by the caller's own reference, unique per registering organisation
 * (constraint {@code trajectory_registered_by_external_reference_key}), so that a syncing system
 * can create or update without keeping our ids.
 */
@ApplicationScoped
@Transactional
@Feeds
public class TrajectoryReferences {
    @Inject
    TrajectoryRepository trajectories;
    @Inject
    TrajectoryService service;
    @Inject
    CallerContext callers;
    @Inject
    KeyLock lock;
    @Inject
    Registrar registrar;

    public record Put(TrajectoryView trajectory, boolean created) {
    }

    public TrajectoryView get(String reference) {
        return service.get(find(reference).id);
    }

    public Put put(String reference, TrajectoryService.NewTrajectory in, IfMatch ifMatch) {
        requireReference(in, reference);
        lock.lock("trajectory", registeredBy(), reference);
        TrajectoryEntity existing = trajectories.byReference(registeredBy(), reference).orElse(null);
        if (existing == null) {
            return new Put(service.create(new TrajectoryService.NewTrajectory(in.ocmwId(), in.clientInsz(),
                    in.startDate(), in.coachId(), reference)), true);
        }
        requireSameTrajectory(existing, in);
        if (existing.coachId.equals(in.coachId())) {
            registrar.authoriseWrite(existing.ocmwId); // a write that changes nothing is still a write
            return new Put(service.get(existing.id), false);
        }
        return new Put(service.update(existing.id, ifMatch, new TrajectoryService.Change(in.coachId(), reference,
                existing.atWorkAtMeasurement, existing.atWorkWithin12Months)), false);
    }

    private TrajectoryEntity find(String reference) {
        return trajectories.byReference(registeredBy(), reference)
                .orElseThrow(() -> new NotFoundProblem("trajectory", reference));
    }

    private String registeredBy() {
        return callers.current().organisationId();
    }

    /** A body naming a reference names the one it is put under. */
    public static void requireReference(TrajectoryService.NewTrajectory in, String reference) {
        if (in.externalReference() != null && !in.externalReference().equals(reference)) {
            throw new InvalidInputProblem(Issue.body("externalReference", null, Text.of("reference-differs-from-path")));
        }
    }

    /** The OCMW, client and start date identify a trajectory; they never change. */
    public static void requireSameTrajectory(TrajectoryEntity existing, TrajectoryService.NewTrajectory in) {
        List<Issue> differing = new ArrayList<>();
        if (!existing.ocmwId.equals(in.ocmwId())) {
            differing.add(Issue.body("ocmwId", null, Text.of("differs-from-referenced-trajectory")));
        }
        if (!in.clientInsz().equals(existing.client.insz)) { // null once pseudonymised (ADR 0031)
            differing.add(Issue.body("clientInsz", null, Text.of("differs-from-referenced-trajectory")));
        }
        if (!Objects.equals(existing.startDate, in.startDate())) {
            differing.add(Issue.body("startDate", null, Text.of("differs-from-referenced-trajectory")));
        }
        if (!differing.isEmpty()) {
            throw new DomainProblem(ProblemType.EXTERNAL_REFERENCE_IN_USE,
                    Text.of("external-reference-in-use.trajectory"),
                    differing);
        }
    }
}
