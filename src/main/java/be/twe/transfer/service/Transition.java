package be.twe.transfer.service;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.transfer.persistence.TransferStatus;
import be.twe.transfer.persistence.TransferStepKind;

/** The hand-over's state machine: every allowed change of status, the step it records, and who takes it. */
public enum Transition {
    ACKNOWLEDGE(TransferStepKind.ACKNOWLEDGED, TransferStatus.ACKNOWLEDGED, true, TransferStatus.REQUESTED),
    DISPATCH(TransferStepKind.DISPATCHED, TransferStatus.DISPATCHED, true, TransferStatus.ACKNOWLEDGED),
    RETURN(TransferStepKind.RETURNED, TransferStatus.RETURNED, true, TransferStatus.REQUESTED, TransferStatus.ACKNOWLEDGED),
    ANSWER(TransferStepKind.ANSWERED, TransferStatus.REQUESTED, false, TransferStatus.RETURNED);

    final TransferStepKind stepKind;
    final TransferStatus to;
    /** Taken by VDAB's SPOC; otherwise by the OCMW (or whoever may write for it). */
    final boolean byVdab;
    private final Set<TransferStatus> from;

    Transition(TransferStepKind stepKind, TransferStatus to, boolean byVdab, TransferStatus first, TransferStatus... rest) {
        this.stepKind = stepKind;
        this.to = to;
        this.byVdab = byVdab;
        this.from = EnumSet.of(first, rest);
    }

    /** 409 {@code illegal-transition} unless this transition may start from {@code current}. */
    void requireFrom(TransferStatus current) {
        if (!from.contains(current)) {
            throw new DomainProblem(ProblemType.ILLEGAL_TRANSITION,
                    Text.of("illegal-transition", current, to, name().toLowerCase(),
                            from.stream().map(Enum::name).sorted().collect(Collectors.joining(" or "))));
        }
    }
}
