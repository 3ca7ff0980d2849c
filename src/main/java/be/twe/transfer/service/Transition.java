package be.twe.transfer.service;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.transfer.persistence.TransferStatus;

/** The hand-over's state machine: every allowed change of status, the step it records, and who takes it. */
public enum Transition {
    ACKNOWLEDGE("ACKNOWLEDGED", TransferStatus.ACKNOWLEDGED, true, TransferStatus.REQUESTED),
    DISPATCH("DISPATCHED", TransferStatus.DISPATCHED, true, TransferStatus.ACKNOWLEDGED),
    RETURN("RETURNED", TransferStatus.RETURNED, true, TransferStatus.REQUESTED, TransferStatus.ACKNOWLEDGED),
    ANSWER("ANSWERED", TransferStatus.REQUESTED, false, TransferStatus.RETURNED);

    final String stepKind;
    final TransferStatus to;
    /** Taken by VDAB's SPOC; otherwise by the OCMW (or whoever may write for it). */
    final boolean byVdab;
    private final Set<TransferStatus> from;

    Transition(String stepKind, TransferStatus to, boolean byVdab, TransferStatus first, TransferStatus... rest) {
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
