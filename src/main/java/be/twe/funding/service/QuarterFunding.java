package be.twe.funding.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What an OCMW's registrations give for a quarter (ADR 0015). */
public record QuarterFunding(String ocmwId, String quarter, List<Month> months, BigDecimal art60CompensationReleased) {

    /** The state on a month's last day and what it gives. */
    public record Month(LocalDate monthEnd, int trajectoriesWithGuidance, int art60Running, BigDecimal effortFee,
                        BigDecimal art60Compensation, BigDecimal art60CompensationDeferred) {
    }

    public BigDecimal effortFee() {
        return months.stream().map(Month::effortFee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal art60Compensation() {
        return months.stream().map(Month::art60Compensation).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal art60CompensationDeferred() {
        return months.stream().map(Month::art60CompensationDeferred).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Paid for the quarter: effort fees, compensation and the deferred parts released. */
    public BigDecimal total() {
        return effortFee().add(art60Compensation()).add(art60CompensationReleased);
    }
}
