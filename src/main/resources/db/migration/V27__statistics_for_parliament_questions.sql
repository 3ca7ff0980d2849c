-- Figures the Parliament questions ask for that the aggregates could not give (issue 29).

-- Distinct persons cannot be added up over OCMWs and years: the aggregates keep the ids, and an
-- answer counts the distinct ones of its group (exact, also for a client of two OCMWs).
create aggregate uuid_union_agg(uuid[]) (sfunc = array_cat, stype = uuid[], initcond = '{}');
create function distinct_count(ids uuid[]) returns bigint language sql immutable parallel safe as $$
    select count(distinct id) from unnest(ids) id
$$;

-- Clients who started a training, per training start year (2021 question).
alter table statistics_trainings add column clients uuid[] not null default '{}';

-- Why the two-instruments-per-year target was not met (2021 answer): years with fewer than two
-- instruments split by what the data can show.
alter table statistics_target_years
    add column art60_most_of_year   int not null default 0,
    add column art60_part_of_year   int not null default 0,
    add column not_met_ended_for_work int not null default 0,
    add column not_met_partial_year int not null default 0,
    add column not_met_other        int not null default 0;

-- VDAB's follow-up within 12 months per action type, transmissions included (2024 questions,
-- annexes 2 and 3), by the year of the transfer.
create table statistics_follow_ups (
    ocmw_id          varchar(64) not null references organisation,
    year             int         not null,
    follow_up_type   varchar(32) not null,
    reason           varchar(40) not null,
    actions          int         not null,
    actions_within   int         not null,
    transfers        uuid[]      not null, -- the transfers with an action of this type within 12 months
    primary key (ocmw_id, year, follow_up_type, reason)
);

insert into statistics_stale (ocmw_id) select id from organisation where kind = 'OCMW';
