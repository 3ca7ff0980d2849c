-- Statistics are answered from yearly partial aggregates per OCMW (ADR 0014): scanning the rows
-- of ten years at ten times the Flemish volume takes 0.1-45 s, the aggregates a few milliseconds.
-- A write marks its OCMW stale in the same transaction (append only, so writers never wait on
-- each other); before a statistics call answers, the stale OCMWs' aggregates are computed again
-- from their rows, so an answer always includes every committed write.
create table statistics_stale (
    id      bigserial primary key,
    ocmw_id varchar(64) not null,
    source  varchar(32) not null default 'all' -- the written table: only the figures reading it are computed again
);

-- argument: the column naming the OCMW (a coach's organisation may also be a cluster: harmless)
create function mark_statistics_stale() returns trigger language plpgsql as $$
begin
    execute format('insert into statistics_stale (ocmw_id, source) select distinct %I, %L from changed', tg_argv[0],
                   tg_table_name);
    return null;
end $$;

-- Some figures depend on the day (years that ended, plans overdue): the first refresh of a day
-- computes every OCMW again.
create table statistics_day (
    one bool primary key default true check (one),
    day date not null
);
insert into statistics_day (day) values ('2017-01-01');

-- PostgreSQL allows a transition table only on a trigger for a single event: three per table.
do $$
declare
    source      text;
    column_name text;
begin
    foreach source in array array['trajectory', 'instrument', 'transfer', 'follow_up_action', 'document',
                                  'document_version', 'coach'] loop
        column_name := case source when 'coach' then 'organisation_id' else 'ocmw_id' end;
        execute format('create trigger %1$s_statistics_insert after insert on %1$s referencing new table as changed'
                       ' for each statement execute function mark_statistics_stale(%2$L)', source, column_name);
        execute format('create trigger %1$s_statistics_update after update on %1$s referencing new table as changed'
                       ' for each statement execute function mark_statistics_stale(%2$L)', source, column_name);
        execute format('create trigger %1$s_statistics_delete after delete on %1$s referencing old table as changed'
                       ' for each statement execute function mark_statistics_stale(%2$L)', source, column_name);
    end loop;
end $$;

-- The municipality an OCMW's figures fall under in a year: the version valid in that year
-- (mergers take effect on 1 January), or the nearest one for years before the first version,
-- and the 2025 municipality it became. Refresh it in any migration that changes municipalities.
create materialized view municipality_year as
with years as (select generate_series(2000, 2100) as year),
at_year as (
    select distinct on (m.nis_code, y.year) m.nis_code, y.year, m.name, m.province_nis_code, m.successor_nis_code
    from municipality m cross join years y
    order by m.nis_code, y.year,
             (extract(year from m.valid_from) <= y.year
                  and (m.valid_to is null or extract(year from m.valid_to) >= y.year)) desc,
             abs(extract(year from m.valid_from) - y.year))
select a.nis_code, a.year,
       a.nis_code as at_event_nis_code, a.name as at_event_name,
       a.province_nis_code as at_event_province_nis_code, ap.name as at_event_province_name,
       merged.nis_code as merged_nis_code, merged.name as merged_name,
       merged.province_nis_code as merged_province_nis_code, mp.name as merged_province_name
from at_year a
join province ap on ap.nis_code = a.province_nis_code
cross join lateral (select m.nis_code, m.name, m.province_nis_code from municipality m
                    where m.nis_code = coalesce((select m1.successor_nis_code from municipality m1
                                                 where m1.nis_code = a.nis_code and m1.successor_nis_code is not null
                                                 order by m1.valid_from desc limit 1), a.nis_code)
                    order by m.valid_from desc limit 1) merged
join province mp on mp.nis_code = merged.province_nis_code;
create unique index municipality_year_key on municipality_year (nis_code, year);

-- One table per figure: the OCMW, the year, the figure's own dimensions and its partial values.
create table statistics_starts (
    ocmw_id      varchar(64) not null references organisation,
    year         int         not null,
    trajectories int         not null,
    with_training int        not null, -- trajectories with at least one training
    art60        int         not null,
    bvs          int         not null,
    training     int         not null,
    wes          int         not null,
    ibo          int         not null,
    primary key (ocmw_id, year)
);

create table statistics_ends (
    ocmw_id      varchar(64) not null references organisation,
    year         int         not null,
    end_reason   varchar(40) not null,
    trajectories int         not null,
    primary key (ocmw_id, year, end_reason)
);

create table statistics_instruments (
    ocmw_id       varchar(64) not null references organisation,
    year          int         not null,
    type          varchar(16) not null,
    outcome       varchar(24) not null,
    started       int         not null,
    ended         int         not null,
    completed     int         not null,
    stopped_early int         not null,
    taken_over    int         not null,
    days_sum      bigint      not null,
    days          int[]       not null, -- every ended instrument's days, for the median
    primary key (ocmw_id, year, type, outcome)
);

create table statistics_target_years (
    ocmw_id              varchar(64) not null references organisation,
    year                 int         not null,
    trajectory_years     int         not null,
    met_with_instruments int         not null,
    met_by_art60         int         not null,
    not_met              int         not null,
    primary key (ocmw_id, year)
);

create table statistics_trainings (
    ocmw_id       varchar(64) not null references organisation,
    year          int         not null,
    organiser     varchar(16) not null,
    kind          varchar(16) not null,
    training_name text        not null,
    trainings     int         not null,
    ended         int         not null,
    days_sum      bigint      not null,
    days          int[]       not null,
    primary key (ocmw_id, year, organiser, kind, training_name)
);

create table statistics_transfers (
    ocmw_id          varchar(64) not null references organisation,
    year             int         not null,
    reason           varchar(40) not null,
    channel          varchar(24) not null,
    transfers        int         not null,
    with_follow_up   int         not null,
    follow_up_actions int        not null,
    primary key (ocmw_id, year, reason, channel)
);

create table statistics_outcomes (
    ocmw_id                  varchar(64) not null references organisation,
    year                     int         not null,
    ended                    int         not null,
    measured                 int         not null,
    at_work                  int         not null,
    measured_after_12_months int         not null,
    at_work_within_12_months int         not null,
    primary key (ocmw_id, year)
);

create table statistics_helpdesk (
    ocmw_id       varchar(64) not null references organisation,
    year          int         not null,
    resource_type varchar(24) not null,
    registrations int         not null,
    by_helpdesk   int         not null,
    primary key (ocmw_id, year, resource_type)
);

create table statistics_coaches (
    ocmw_id varchar(64) not null references organisation,
    year    int         not null,
    trained int         not null,
    primary key (ocmw_id, year)
);

create table statistics_plans (
    ocmw_id      varchar(64) not null references organisation,
    year         int         not null,
    trajectories int         not null,
    with_pop     int         not null,
    with_gpmi    int         not null,
    with_other   int         not null,
    on_time      int         not null,
    late         int         not null,
    missing      int         not null,
    not_yet_due  int         not null,
    primary key (ocmw_id, year)
);

-- the refresh reads one OCMW's rows
create index instrument_ocmw on instrument (ocmw_id);
create index transfer_ocmw on transfer (ocmw_id);
create index document_ocmw on document (ocmw_id);
create index document_version_ocmw on document_version (ocmw_id);

-- everything recorded before this migration
insert into statistics_stale (ocmw_id) select id from organisation where kind = 'OCMW';
