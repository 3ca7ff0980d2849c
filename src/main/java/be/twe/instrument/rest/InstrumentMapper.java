package be.twe.instrument.rest;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.Instrument;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.TrainingInfo;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentType;
import be.twe.instrument.service.InstrumentView;
import be.twe.instrument.service.NewInstrument;

@Mapper
public interface InstrumentMapper {

    @Mapping(target = "training", source = "entity")
    Instrument toDto(InstrumentEntity entity);

    default Instrument toDto(InstrumentView view) {
        return toDto(view.instrument());
    }

    default TrainingInfo training(InstrumentEntity e) {
        return e.trainingName == null ? null : new TrainingInfo().name(e.trainingName)
                .organiser(TrainingInfo.OrganiserEnum.fromValue(e.trainingOrganiser))
                .recognisedByVdab(e.trainingRecognised).technical(e.trainingTechnical).fullTime(e.trainingFullTime);
    }

    default NewInstrument toNew(InstrumentInput in) {
        NewInstrument.Training training = in.getTraining() == null ? null : new NewInstrument.Training(
                in.getTraining().getName(), in.getTraining().getOrganiser().toString(),
                in.getTraining().getRecognisedByVdab(), in.getTraining().getTechnical(),
                in.getTraining().getFullTime());
        return new NewInstrument(InstrumentType.valueOf(in.getType().toString()), in.getStartDate(),
                in.getPlannedEndDate(), in.getCoachId(), in.getEmployer(), in.getSocialRightsBuiltUp(), training);
    }
}
