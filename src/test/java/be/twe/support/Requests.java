package be.twe.support;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import be.twe.api.model.FollowUpActionInput;
import be.twe.api.model.FollowUpActionType;
import be.twe.api.model.InstrumentEnd;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.InstrumentOutcome;
import be.twe.api.model.InstrumentType;
import be.twe.api.model.TrajectoryEnd;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TrajectoryInput;
import be.twe.api.model.TransferChannel;
import be.twe.api.model.TransferInput;
import be.twe.api.model.TransferReason;
import be.twe.api.model.TransferTrajectoryEnd;

/**
 * Request bodies built from the contract's generated models (issue 33): a field the contract
 * renames or retypes breaks a test's compilation, not its run. A body a test means to be wrong
 * stays a map, with {@link Api#invalid}.
 */
public final class Requests {
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final JsonMapper EVERY_FIELD = JSON.rebuild()
            .serializationInclusion(JsonInclude.Include.ALWAYS).build();

    private Requests() {
    }

    /** The model as the JSON a client sends: fields it does not set are left out. */
    public static String json(Object model) {
        return write(JSON, model);
    }

    /**
     * The model as the body of a PUT, which names every field of its schema (ADR 0017): the fields
     * it does not set as null.
     */
    public static String replacing(Object model) {
        return write(EVERY_FIELD, model);
    }

    private static String write(JsonMapper mapper, Object model) {
        try {
            return mapper.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A trajectory of a new client (an INSZ never used before in this run). */
    public static TrajectoryInput trajectory(String ocmwId, UUID coachId, String startDate) {
        return trajectory(ocmwId, coachId, LocalDate.parse(startDate));
    }

    public static TrajectoryInput trajectory(String ocmwId, UUID coachId, LocalDate startDate) {
        return new TrajectoryInput(ocmwId, TestData.newInsz(), startDate, coachId);
    }

    /** A trajectory's end; {@code advice} null leaves it out. */
    public static TrajectoryEnd end(String endDate, TrajectoryEndReason reason, String advice) {
        return end(LocalDate.parse(endDate), reason, advice);
    }

    public static TrajectoryEnd end(LocalDate endDate, TrajectoryEndReason reason, String advice) {
        return new TrajectoryEnd().endDate(endDate).endReason(reason).endAdvice(advice);
    }

    /** An instrument's end with its outcome. */
    public static InstrumentEnd instrumentEnd(String endDate, InstrumentOutcome outcome) {
        return instrumentEnd(LocalDate.parse(endDate), outcome);
    }

    public static InstrumentEnd instrumentEnd(LocalDate endDate, InstrumentOutcome outcome) {
        return new InstrumentEnd().endDate(endDate).outcome(outcome);
    }

    /** A transfer to VDAB; one of an open trajectory also names its end ({@link #transferEnd}). */
    public static TransferInput transfer(TransferReason reason, TransferChannel channel, String transferDate) {
        return transfer(reason, channel, LocalDate.parse(transferDate));
    }

    public static TransferInput transfer(TransferReason reason, TransferChannel channel, LocalDate transferDate) {
        return new TransferInput().reason(reason).channel(channel).transferDate(transferDate);
    }

    /** The end of the trajectory a transfer ends. */
    public static TransferTrajectoryEnd transferEnd(TrajectoryEndReason reason, String advice) {
        return new TransferTrajectoryEnd().endReason(reason).endAdvice(advice);
    }

    /** An instrument at an employer: a BVS, WES or IBO (an art. 60 §7 employment or a training needs more). */
    public static InstrumentInput instrument(InstrumentType type, String startDate, String plannedEndDate,
                                             UUID coachId) {
        return instrument(type, LocalDate.parse(startDate), LocalDate.parse(plannedEndDate), coachId);
    }

    public static InstrumentInput instrument(InstrumentType type, LocalDate startDate, LocalDate plannedEndDate,
                                             UUID coachId) {
        return new InstrumentInput().type(type).employer("Werkgever").startDate(startDate)
                .plannedEndDate(plannedEndDate).coachId(coachId);
    }

    /** A work-experience (WES) instrument at a bakery. */
    public static InstrumentInput wes(UUID coachId, String startDate, String plannedEndDate) {
        return instrument(InstrumentType.WES, startDate, plannedEndDate, coachId).employer("Bakkerij Peeters");
    }

    /** A follow-up action VDAB took, from {@code startDate}. */
    public static FollowUpActionInput followUp(FollowUpActionType type, LocalDate startDate) {
        return new FollowUpActionInput().type(type).startDate(startDate);
    }
}
