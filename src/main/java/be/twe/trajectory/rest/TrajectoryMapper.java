package be.twe.trajectory.rest;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.Trajectory;
import be.twe.api.model.TrajectoryStatus;
import be.twe.trajectory.persistence.TrajectoryEntity;

@Mapper
public interface TrajectoryMapper {

    @Mapping(target = "clientInsz", source = "client.insz")
    @Mapping(target = "status", source = "entity")
    Trajectory toDto(TrajectoryEntity entity);

    default TrajectoryStatus status(TrajectoryEntity entity) {
        return entity.isOpen() ? TrajectoryStatus.OPEN : TrajectoryStatus.ENDED;
    }
}
