package be.twe.transfer.service;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.CallerContext;
import be.twe.sync.service.Feeds;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.trajectory.service.TrajectoryService;
import be.twe.transfer.persistence.FollowUpActionEntity;
import be.twe.transfer.persistence.FollowUpActionRepository;
import be.twe.transfer.persistence.FollowUpType;
import be.twe.transfer.persistence.TransferEntity;
import be.twe.transfer.persistence.TransferRepository;
import be.twe.transfer.persistence.TransferStatus;

/**
 * VDAB's side of a transfer: its SPOC acknowledges, dispatches or returns it with a question, the
 * OCMW answers, and VDAB records what the client took part in during the 12 months after the end.
 * Status changes need If-Match, so two SPOCs never act on one file at once; each is a step and an
 * audit entry.
 */
@ApplicationScoped
@Transactional
@Feeds
public class HandOverService {
    static final int FOLLOW_UP_MONTHS = 12;

    @Inject
    TransferService transfers;
    @Inject
    TransferRepository transferRows;
    @Inject
    TrajectoryService trajectories;
    @Inject
    FollowUpActionRepository followUps;
    @Inject
    Registrar registrar;
    @Inject
    CallerContext callerContext;

    /** What a step says: a note, question or answer, and where a dispatch sends the file. */
    public record Step(String note, String destinationKind, String destination) {
        public static Step note(String note) {
            return new Step(note, null, null);
        }
    }

    public record NewFollowUp(FollowUpType type, LocalDate startDate, LocalDate endDate, String description) {
    }

    public TransferView take(UUID transferId, IfMatch ifMatch, Transition transition, Step step) {
        TransferEntity transfer = transfers.find(transferId);
        if (transition.byVdab) {
            requireVdab();
        } else {
            registrar.authoriseWrite(transfer.ocmwId);
        }
        ifMatch.check(transfer.version);
        transition.requireFrom(transfer.status);
        TransferStatus from = transfer.status;
        transfer.status = transition.to;
        transfer.statusSince = Timestamps.now();
        transfer.updatedAt = transfer.statusSince;
        transfers.addStep(transfer, transition.stepKind, step.note(), step.destinationKind(), step.destination());
        transfers.audit(transfer, transition.name().toLowerCase(), Map.of("status", from.name()),
                Map.of("status", transfer.status.name()));
        transferRows.flush(); // the version check (If-Match) is decided here under concurrency
        return transfers.view(transfer);
    }

    public FollowUpActionEntity recordFollowUp(UUID transferId, NewFollowUp in) {
        TransferEntity transfer = transfers.find(transferId);
        requireVdab();
        if (transfer.status != TransferStatus.ACKNOWLEDGED && transfer.status != TransferStatus.DISPATCHED) {
            throw new DomainProblem(ProblemType.TRANSFER_NOT_TAKEN_OVER,
                    Text.of("transfer-not-taken-over", transfer.status));
        }
        check(in, trajectories.root(transfer.trajectoryId));
        FollowUpActionEntity action = new FollowUpActionEntity();
        action.id = UUID.randomUUID();
        action.transferId = transfer.id;
        action.ocmwId = transfer.ocmwId;
        action.type = in.type();
        action.startDate = in.startDate();
        action.endDate = in.endDate();
        action.description = in.description();
        action.recordedAt = Timestamps.now();
        action.recordedBy = callerContext.current().organisationId();
        followUps.persist(action);
        transfers.audit(transfer, "record-follow-up", null, Map.of("followUpActionId", action.id.toString(),
                "type", action.type, "startDate", action.startDate.toString()));
        return action;
    }

    private static void check(NewFollowUp in, TrajectoryRoot trajectory) {
        if (in.type() == FollowUpType.OTHER && (in.description() == null || in.description().isBlank())) {
            throw new InvalidInputProblem(Issue.body("description", in.description(), Text.of("type-other")));
        }
        if (in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            throw new InvalidInputProblem(Issue.body("endDate", in.endDate().toString(),
                    Text.of("before-start-date", in.startDate())));
        }
        LocalDate last = trajectory.endDate().plusMonths(FOLLOW_UP_MONTHS);
        if (in.startDate().isBefore(trajectory.endDate()) || in.startDate().isAfter(last)) {
            throw new DomainProblem(ProblemType.FOLLOW_UP_OUTSIDE_WINDOW,
                    Text.of("follow-up-outside-window", trajectory.endDate(), last));
        }
    }

    /** Only VDAB takes the hand-over's steps; an OCMW or cluster that sees the transfer gets 403. */
    private void requireVdab() {
        if (!callerContext.current().unrestricted()) {
            throw new DomainProblem(ProblemType.VDAB_ONLY,
                    Text.of("vdab-only.hand-over"));
        }
    }
}
