package be.twe.common.error;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.CoachStatisticsRow;
import be.twe.api.model.EndRow;
import be.twe.api.model.FollowUpStatisticsRow;
import be.twe.api.model.ExportJob;
import be.twe.api.model.HelpdeskRow;
import be.twe.api.model.ImportLineResult;
import be.twe.api.model.InstrumentStatisticsRow;
import be.twe.api.model.OutcomeRow;
import be.twe.api.model.PlanStatisticsRow;
import be.twe.api.model.Problem;
import be.twe.api.model.ProblemIssue;
import be.twe.api.model.StartRow;
import be.twe.api.model.TargetYearRow;
import be.twe.api.model.TrainingRow;
import be.twe.api.model.TransferStatisticsRow;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Problem bodies leave out absent members (traceId, currentETag, issues), while resources keep
 * explicit nulls for their nullable fields, as the contract says. Resources whose members depend
 * on the case leave the absent ones out: an import's report line (its record or its problem), an
 * export (its problem when it failed) and a statistics row (the dimensions it is grouped by, and
 * its empty list of suppressed values: exact figures suppress nothing).
 */
@Singleton
public class ProblemJsonCustomizer implements ObjectMapperCustomizer {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private interface OmitEmpty {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface OmitNull {
    }

    /** Empty members left out; problems stored before {@code in} became {@code location} read back as written. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private interface StoredIssue {
        @JsonAlias("in")
        ProblemIssue.LocationEnum getLocation();
    }

    private interface OmitNullProblem {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Problem getProblem();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Problem.class, OmitEmpty.class);
        mapper.addMixIn(ProblemIssue.class, StoredIssue.class);
        mapper.addMixIn(ImportLineResult.class, OmitNull.class);
        mapper.addMixIn(StartRow.class, OmitEmpty.class);
        mapper.addMixIn(EndRow.class, OmitEmpty.class);
        mapper.addMixIn(InstrumentStatisticsRow.class, OmitEmpty.class);
        mapper.addMixIn(TargetYearRow.class, OmitEmpty.class);
        mapper.addMixIn(TrainingRow.class, OmitEmpty.class);
        mapper.addMixIn(TransferStatisticsRow.class, OmitEmpty.class);
        mapper.addMixIn(FollowUpStatisticsRow.class, OmitEmpty.class);
        mapper.addMixIn(OutcomeRow.class, OmitEmpty.class);
        mapper.addMixIn(HelpdeskRow.class, OmitEmpty.class);
        mapper.addMixIn(CoachStatisticsRow.class, OmitEmpty.class);
        mapper.addMixIn(PlanStatisticsRow.class, OmitEmpty.class);
        mapper.addMixIn(ExportJob.class, OmitNullProblem.class);
    }
}
