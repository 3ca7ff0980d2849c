package be.twe.transfer.service;

import java.time.LocalDate;

import be.twe.trajectory.service.EndReason;
import be.twe.transfer.persistence.TransferChannel;
import be.twe.transfer.persistence.TransferReason;

/** A transfer as a caller asks for it; {@code end} ends the trajectory when it is still open. */
public record NewTransfer(TransferReason reason, String reasonText, TransferChannel channel, LocalDate transferDate,
                          End end) {

    public record End(EndReason endReason, String endAdvice) {
    }
}
