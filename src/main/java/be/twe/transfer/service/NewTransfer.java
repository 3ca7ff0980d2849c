package be.twe.transfer.service;

import java.time.LocalDate;

/** A transfer as a caller asks for it; {@code end} ends the trajectory when it is still open. */
public record NewTransfer(String reason, String reasonText, String channel, LocalDate transferDate, End end) {

    public record End(String endReason, String endAdvice) {
    }
}
