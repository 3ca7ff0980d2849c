package be.twe.sync.rest;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.Change;
import be.twe.common.persistence.Timestamps;
import be.twe.sync.service.FeedEntry;

@Mapper(uses = Timestamps.class)
public interface ChangeMapper {

    @Mapping(target = "resourceType", expression = "java(be.twe.api.model.ResourceType.fromValue(entry.resourceType()))")
    @Mapping(target = "kind", expression = "java(be.twe.api.model.ChangeKind.fromValue(entry.kind()))")
    Change toDto(FeedEntry entry);
}
