package be.twe.statistics.rest;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.CoachStatisticsRow;
import be.twe.api.model.EndRow;
import be.twe.api.model.FollowUpStatisticsRow;
import be.twe.api.model.HelpdeskRow;
import be.twe.api.model.InstrumentStatisticsRow;
import be.twe.api.model.OutcomeRow;
import be.twe.api.model.PlanStatisticsRow;
import be.twe.api.model.StartRow;
import be.twe.api.model.TargetYearRow;
import be.twe.api.model.TrainingRow;
import be.twe.api.model.TransferStatisticsRow;
import be.twe.common.json.JsonMixins;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A statistics row leaves out the dimensions it is not grouped by, and its empty list of
 * suppressed values (exact figures suppress nothing).
 */
@Singleton
public class StatisticsJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        for (Class<?> row : new Class<?>[] {StartRow.class, EndRow.class, InstrumentStatisticsRow.class,
                TargetYearRow.class, TrainingRow.class, TransferStatisticsRow.class, FollowUpStatisticsRow.class,
                OutcomeRow.class, HelpdeskRow.class, CoachStatisticsRow.class, PlanStatisticsRow.class}) {
            mapper.addMixIn(row, JsonMixins.OmitEmpty.class);
        }
    }
}
