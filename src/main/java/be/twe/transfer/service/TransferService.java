package be.twe.transfer.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.audit.AuditTrail;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.paging.Cursor;
import be.twe.common.paging.Keyset;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.security.Roles;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.Today;
import be.twe.sync.service.Feeds;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.trajectory.service.TrajectoryRules;
import be.twe.trajectory.service.TrajectoryService;
import be.twe.transfer.persistence.FollowUpActionEntity;
import be.twe.transfer.persistence.FollowUpActionRepository;
import be.twe.transfer.persistence.TransferChannel;
import be.twe.transfer.persistence.TransferEntity;
import be.twe.transfer.persistence.TransferReason;
import be.twe.transfer.persistence.TransferRepository;
import be.twe.transfer.persistence.TransferStatus;
import be.twe.transfer.persistence.TransferStepEntity;
import be.twe.transfer.persistence.TransferStepKind;
import be.twe.transfer.persistence.TransferStepRepository;

/**
 * Transfers of a trajectory's file to VDAB: created by whoever may write for the OCMW, or by VDAB
 * (SPOC or helpdesk); read by whoever may see the trajectory. A transfer ends the trajectory or
 * follows its end. Every transfer starts as REQUESTED with a first step, and is audited.
 */
@ApplicationScoped
@Transactional
@Feeds
public class TransferService {
    static final String AUDIT_TYPE = "transfer";
    private static final Set<TransferChannel> VDAB_CHANNELS = Set.of(TransferChannel.VDAB_MONITORING,
            TransferChannel.SERVICE_LINE);

    @Inject
    TransferRepository transfers;
    @Inject
    TransferStepRepository steps;
    @Inject
    FollowUpActionRepository followUps;
    @Inject
    TrajectoryService trajectoryService;
    @Inject
    Registrar registrar;
    @Inject
    AuditTrail auditTrail;
    @Inject
    CallerContext callerContext;
    @Inject
    Today today;

    public TransferView create(UUID trajectoryId, NewTransfer in) {
        TrajectoryRoot trajectory = trajectoryService.root(trajectoryId);
        Registrar.Registration registration = registrar.authoriseWrite(trajectory.ocmwId(), Roles.SPOC, Roles.HELPDESK);
        check(trajectory, in, registration);
        if (trajectory.isOpen()) {
            trajectory = trajectoryService.endByTransfer(trajectory.id(),
                    new TrajectoryService.Ending(in.transferDate(), in.end().endReason(), in.end().endAdvice()));
        }
        return view(open(trajectory, in, registration));
    }

    /**
     * The transfer VDAB gets when it took over a running IBO on {@code on}; none when an open
     * transfer already hands the file over (the unique index still decides between concurrent ones).
     */
    void createForIbo(TrajectoryRoot trajectory, LocalDate on, Registrar.Registration registration) {
        if (transfers.openOf(trajectory.id()).isEmpty()) {
            open(trajectory, new NewTransfer(TransferReason.IBO_TAKEN_OVER, null, TransferChannel.VDAB_MONITORING, on, null), registration);
        }
    }

    public TransferView get(UUID id) {
        return view(find(id));
    }

    /** A transfer the caller may see, or 404. */
    public TransferEntity find(UUID id) {
        return transfers.findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("transfer", id.toString()));
    }

    public Slice<TransferView> ofTrajectory(UUID trajectoryId, int limit, String cursor) {
        trajectoryService.root(trajectoryId);
        Slice<TransferEntity> page = Slice.of(transfers.ofTrajectory(trajectoryId,
                Keyset.after(cursor, OffsetDateTime::parse), limit + 1), limit, t -> Keyset.cursor(t.createdAt, t.id));
        return new Slice<>(views(page.items()), page.nextCursor());
    }

    /** The queue, oldest transfer date first; {@code olderThanDays} counts from today. */
    public Slice<TransferView> list(TransferStatus status, String province, String ocmwId, TransferReason reason,
                                    Integer olderThanDays, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        TransferRepository.After position = after.isEmpty() ? null
                : new TransferRepository.After(date(after.get(0)), Cursor.uuid(after.get(1)));
        LocalDate onOrBefore = olderThanDays == null ? null : today.date().minusDays(olderThanDays);
        Slice<TransferEntity> slice = Slice.of(transfers.list(
                new TransferRepository.Criteria(status, province, ocmwId, reason, onOrBefore), position, limit + 1),
                limit, t -> Cursor.encode(t.transferDate.toString(), t.id.toString()));
        return new Slice<>(views(slice.items()), slice.nextCursor());
    }

    TransferView view(TransferEntity transfer) {
        return views(List.of(transfer)).get(0);
    }

    /** Records a step of the hand-over, by the caller, now. */
    void addStep(TransferEntity transfer, TransferStepKind kind, String note, String destinationKind, String destination) {
        TransferStepEntity step = new TransferStepEntity();
        step.transferId = transfer.id;
        step.ocmwId = transfer.ocmwId;
        step.kind = kind;
        step.occurredAt = Timestamps.now();
        step.actorSubject = callerContext.current().subject();
        step.actorOrganisationId = callerContext.current().organisationId();
        step.note = note;
        step.destinationKind = destinationKind;
        step.destination = destination;
        steps.persist(step);
    }

    void audit(TransferEntity transfer, String action, Map<String, Object> oldValue, Map<String, Object> newValue) {
        auditTrail.record(transfer.ocmwId, AUDIT_TYPE, transfer.id.toString(), action, oldValue, newValue);
    }

    private void check(TrajectoryRoot trajectory, NewTransfer in, Registrar.Registration registration) {
        if (in.reason() == TransferReason.OTHER && (in.reasonText() == null || in.reasonText().isBlank())) {
            throw new InvalidInputProblem(ProblemType.REASON_TEXT_REQUIRED,
                    Text.of("reason-text-required"), Issue.body("reasonText", in.reasonText(), Text.of("reason-other")));
        }
        if (trajectory.isOpen() && in.end() == null) {
            throw new InvalidInputProblem(ProblemType.TRAJECTORY_END_REQUIRED,
                    Text.of("trajectory-end-required", trajectory.id()),
                    Issue.body("trajectoryEnd", null, Text.of("trajectory-end.while-open")));
        }
        if (!trajectory.isOpen() && in.end() != null) {
            throw new InvalidInputProblem(Issue.body("trajectoryEnd", null,
                    Text.of("trajectory-end.already-ended", trajectory.endDate())));
        }
        if (in.reason() == TransferReason.IBO_TAKEN_OVER) {
            throw new DomainProblem(ProblemType.REASON_SET_BY_API,
                    Text.of("reason-set-by-api"));
        }
        if (!registration.onBehalf() && VDAB_CHANNELS.contains(in.channel())) {
            throw new DomainProblem(ProblemType.CHANNEL_RESERVED_FOR_VDAB,
                    Text.of("channel-reserved-for-vdab", in.channel()));
        }
        if (in.transferDate().isAfter(today.date())) {
            throw new DomainProblem(ProblemType.TRANSFER_DATE_IN_FUTURE,
                    Text.of("transfer-date-in-future", in.transferDate()));
        }
        if (!trajectory.isOpen() && in.transferDate().isBefore(trajectory.endDate())) {
            throw new DomainProblem(ProblemType.TRANSFER_BEFORE_END,
                    Text.of("transfer-before-end", trajectory.id(), trajectory.endDate()));
        }
        LocalDate end = trajectory.isOpen() ? in.transferDate() : trajectory.endDate();
        if (in.reason() == TransferReason.MAX_DURATION_REACHED) {
            TrajectoryRules.requireMaxDurationReached(trajectory.id(), trajectory.plannedEndDate(), end);
        }
    }

    private TransferEntity open(TrajectoryRoot trajectory, NewTransfer in, Registrar.Registration registration) {
        OffsetDateTime now = Timestamps.now();
        TransferEntity transfer = new TransferEntity();
        transfer.id = UUID.randomUUID();
        transfer.trajectoryId = trajectory.id();
        transfer.ocmwId = trajectory.ocmwId();
        transfer.reason = in.reason();
        transfer.reasonText = in.reasonText();
        transfer.channel = in.channel();
        transfer.transferDate = in.transferDate();
        transfer.status = TransferStatus.REQUESTED;
        transfer.statusSince = now;
        transfer.requestedBy = registration.registeredBy();
        transfer.onBehalf = registration.onBehalf();
        transfer.createdAt = now;
        transfer.updatedAt = now;
        transfers.persist(transfer);
        addStep(transfer, TransferStepKind.REQUESTED, null, null, null);
        audit(transfer, "request", null, Map.of("reason", transfer.reason, "channel", transfer.channel,
                "transferDate", transfer.transferDate.toString(), "status", transfer.status.name()));
        transfers.flush(); // the one-open-transfer index decides here under concurrency
        return transfer;
    }

    private List<TransferView> views(List<TransferEntity> page) {
        List<UUID> ids = page.stream().map(t -> t.id).toList();
        Map<UUID, List<TransferStepEntity>> stepsOf = steps.ofTransfers(ids).stream()
                .collect(Collectors.groupingBy(s -> s.transferId));
        Map<UUID, List<FollowUpActionEntity>> actionsOf = followUps.ofTransfers(ids).stream()
                .collect(Collectors.groupingBy(a -> a.transferId));
        Map<UUID, TrajectoryRoot> trajectoryOf = trajectoryService.roots(page.stream().map(t -> t.trajectoryId)
                .distinct().toList());
        return page.stream().map(t -> new TransferView(t, trajectoryOf.get(t.trajectoryId),
                stepsOf.getOrDefault(t.id, List.of()), actionsOf.getOrDefault(t.id, List.of()))).toList();
    }

    private static LocalDate date(String key) {
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw Cursor.invalid(key);
        }
    }
}
