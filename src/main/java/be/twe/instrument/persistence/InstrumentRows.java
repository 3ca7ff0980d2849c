package be.twe.instrument.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.tenancy.CallerReads;

/**
 * Instruments read in one statement and one round trip with the caller's settings
 * ({@link CallerReads}), for an export's batch: Hibernate interpreted its {@code id in (...)}
 * query anew for every batch size, a quarter of an export (issue 31). The entities returned are
 * not managed: they are for reading.
 */
@ApplicationScoped
public class InstrumentRows {
    /** Every column of an instrument, as {@link #row} reads them; a statement adds its condition. */
    static final String ALL = """
            select id, trajectory_id, ocmw_id, type, start_date, planned_end_date, end_date, outcome, stop_reason,
                   employer, social_rights_built_up, training_name, training_organiser, training_recognised,
                   training_technical, training_full_time, coach_id, registered_by, on_behalf, external_reference,
                   version, updated_at
            from instrument""";
    private static final String SELECT = ALL + " where id = any(?)";

    @Inject
    CallerReads reads;

    /** The instruments among {@code ids} the caller may see. */
    public List<InstrumentEntity> some(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return reads.list(SELECT, (s, first) -> s.setArray(first, s.getConnection().createArrayOf("uuid", ids.toArray())),
                InstrumentRows::row);
    }

    static InstrumentEntity row(ResultSet rs) throws SQLException {
        InstrumentEntity i = new InstrumentEntity();
        i.id = rs.getObject(1, UUID.class);
        i.trajectoryId = rs.getObject(2, UUID.class);
        i.ocmwId = rs.getString(3);
        i.type = InstrumentType.valueOf(rs.getString(4));
        i.startDate = rs.getObject(5, LocalDate.class);
        i.plannedEndDate = rs.getObject(6, LocalDate.class);
        i.endDate = rs.getObject(7, LocalDate.class);
        i.outcome = rs.getString(8) == null ? null : InstrumentOutcome.valueOf(rs.getString(8));
        i.stopReason = rs.getString(9);
        i.employer = rs.getString(10);
        i.socialRightsBuiltUp = rs.getObject(11, Boolean.class);
        i.trainingName = rs.getString(12);
        i.trainingOrganiser = rs.getString(13);
        i.trainingRecognised = rs.getObject(14, Boolean.class);
        i.trainingTechnical = rs.getObject(15, Boolean.class);
        i.trainingFullTime = rs.getObject(16, Boolean.class);
        i.coachId = rs.getObject(17, UUID.class);
        i.registeredBy = rs.getString(18);
        i.onBehalf = rs.getBoolean(19);
        i.externalReference = rs.getString(20);
        i.version = rs.getLong(21);
        i.updatedAt = rs.getObject(22, OffsetDateTime.class);
        return i;
    }
}
