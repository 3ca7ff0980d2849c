package be.twe.funding.rest;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.FundingMonth;
import be.twe.api.model.FundingReport;
import be.twe.funding.service.QuarterFunding;

@Mapper
public interface FundingMapper {

    @Mapping(target = "removeMonthsItem", ignore = true)
    @Mapping(target = "effortFee", expression = "java(funding.effortFee())")
    @Mapping(target = "art60Compensation", expression = "java(funding.art60Compensation())")
    @Mapping(target = "art60CompensationDeferred", expression = "java(funding.art60CompensationDeferred())")
    @Mapping(target = "total", expression = "java(funding.total())")
    FundingReport toDto(QuarterFunding funding);

    FundingMonth toDto(QuarterFunding.Month month);
}
