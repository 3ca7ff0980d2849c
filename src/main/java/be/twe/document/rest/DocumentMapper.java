package be.twe.document.rest;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.Document;
import be.twe.api.model.DocumentVersion;
import be.twe.api.model.LatePlan;
import be.twe.api.model.MissingPlan;
import be.twe.api.model.PlanKindCount;
import be.twe.api.model.PlanMethod;
import be.twe.api.model.PlanMonitoring;
import be.twe.common.persistence.Timestamps;
import be.twe.document.persistence.DocumentVersionEntity;
import be.twe.document.persistence.PlanMethodEntity;
import be.twe.document.persistence.PlanMonitoringQueries;
import be.twe.document.service.DocumentView;
import be.twe.document.service.PlanMonitoringService;

@Mapper(uses = Timestamps.class)
public interface DocumentMapper {

    @Mapping(target = "id", expression = "java(view.document().id)")
    @Mapping(target = "trajectoryId", expression = "java(view.document().trajectoryId)")
    @Mapping(target = "ocmwId", expression = "java(view.document().ocmwId)")
    @Mapping(target = "kind", source = "document.kind")
    @Mapping(target = "title", expression = "java(view.document().title)")
    @Mapping(target = "createdAt", expression = "java(view.document().createdAt)")
    @Mapping(target = "versions", expression = "java(toDtos(view.versions()))")
    @Mapping(target = "removeVersionsItem", ignore = true)
    @Mapping(target = "version", expression = "java(view.state())")
    Document toDto(DocumentView view);

    List<DocumentVersion> toDtos(List<DocumentVersionEntity> versions);

    @Mapping(target = "withdrawn", expression = "java(version.withdrawn())")
    @Mapping(target = "mediaType", expression = "java(be.twe.api.model.DocumentMediaType.fromValue(version.mediaType))")
    DocumentVersion toDto(DocumentVersionEntity version);

    @Mapping(target = "trajectories", expression = "java(report.counts().trajectories())")
    @Mapping(target = "notYetDue", expression = "java(report.counts().notYetDue())")
    @Mapping(target = "removeMissingItem", ignore = true)
    @Mapping(target = "removeLateItem", ignore = true)
    @Mapping(target = "removePlanKindsItem", ignore = true)
    PlanMonitoring toDto(PlanMonitoringService.Report report);

    MissingPlan toDto(PlanMonitoringQueries.Missing missing);

    LatePlan toDto(PlanMonitoringQueries.Late late);

    @Mapping(target = "kind", expression = "java(be.twe.api.model.DocumentKind.fromValue(count.kind()))")
    PlanKindCount toDto(PlanMonitoringQueries.KindCount count);

    PlanMethod toDto(PlanMethodEntity method);
}
