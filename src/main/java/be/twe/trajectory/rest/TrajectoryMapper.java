package be.twe.trajectory.rest;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.AccessLogEntry;
import be.twe.api.model.InstrumentYear;
import be.twe.api.model.Trajectory;
import be.twe.api.model.TrajectoryInput;
import be.twe.api.model.TrajectoryStatus;
import be.twe.common.privacy.AccessLogQueries;
import be.twe.trajectory.persistence.TrajectoryEntity;
import be.twe.trajectory.service.InstrumentsOfTrajectory;
import be.twe.trajectory.service.TrajectoryService;
import be.twe.trajectory.service.TrajectoryView;

@Mapper
public interface TrajectoryMapper {

    default Trajectory toDto(TrajectoryView view) {
        return toDto(view.trajectory(), view.years());
    }

    @Mapping(target = "clientInsz", source = "entity.client.insz")
    @Mapping(target = "status", source = "entity")
    @Mapping(target = "instrumentYears", source = "years")
    @Mapping(target = "removeInstrumentYearsItem", ignore = true)
    @Mapping(target = "instrumentTargetMet", expression = "java(years.stream().allMatch(y -> y.targetMet()))")
    Trajectory toDto(TrajectoryEntity entity, List<InstrumentsOfTrajectory.InstrumentYear> years);

    @Mapping(target = "targetMet", expression = "java(year.targetMet())")
    InstrumentYear toDto(InstrumentsOfTrajectory.InstrumentYear year);

    TrajectoryService.NewTrajectory toNew(TrajectoryInput in);

    /** An access-log entry (also in a client's access report). */
    @Mapping(target = "removeRolesItem", ignore = true)
    AccessLogEntry toDto(AccessLogQueries.Row row);

    default TrajectoryStatus status(TrajectoryEntity entity) {
        return entity.isOpen() ? TrajectoryStatus.OPEN : TrajectoryStatus.ENDED;
    }
}
