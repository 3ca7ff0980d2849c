-- Maximum duration per instrument kind, as reference data with validity periods (the rules change
-- over time). Rows marked "assumption" are not fixed by the regulation text we have; VDAB confirms.
create table instrument_max_duration (
    kind       varchar(40) not null,
    valid_from date        not null,
    valid_to   date,
    max_months int         not null check (max_months > 0),
    source     text        not null,
    primary key (kind, valid_from),
    check (valid_to is null or valid_to >= valid_from),
    exclude using gist (kind with =, daterange(valid_from, valid_to, '[]') with &&)
);
insert into instrument_max_duration (kind, valid_from, valid_to, max_months, source) values
    ('WES', '2017-01-01', null, 6, 'A WES lasts at most 6 months.'),
    ('TRAINING_TECHNICAL_FULL_TIME', '2017-01-01', null, 3, 'A technical training lasts at most 3 months full-time.'),
    ('TRAINING_TECHNICAL_PART_TIME', '2017-01-01', null, 6, 'assumption: 3 months full-time equivalent, at half time.'),
    ('TRAINING_GENERIC', '2017-01-01', null, 12, 'assumption: no maximum published; one year.'),
    ('ART60', '2017-01-01', null, 24, 'Until social security rights are built up: at most 2 years (over 50).'),
    ('BVS', '2017-01-01', '2022-12-31', 3, 'assumption: 3 months; folded into the WES on 2023-01-01.'),
    ('IBO', '2017-01-01', null, 6, 'assumption: an IBO lasts at most 26 weeks.');

create table instrument (
    id                     uuid primary key,
    trajectory_id          uuid        not null references trajectory,
    ocmw_id                varchar(64) not null, -- the trajectory's, for the tenancy filter
    type                   varchar(16) not null check (type in ('BVS', 'ART60', 'TRAINING', 'WES', 'IBO')),
    start_date             date        not null,
    planned_end_date       date        not null,
    end_date               date,
    effective_end_date     date generated always as (coalesce(end_date, planned_end_date)) stored,
    outcome                varchar(24) check (outcome in ('COMPLETED', 'STOPPED_EARLY', 'TAKEN_OVER_BY_VDAB')),
    stop_reason            text,
    employer               text,
    social_rights_built_up boolean,
    training_name          text,
    training_organiser     varchar(16) check (training_organiser in ('VDAB', 'PARTNER')),
    training_recognised    boolean,
    training_technical     boolean,
    training_full_time     boolean,
    coach_id               uuid        not null references coach,
    registered_by          varchar(64) not null references organisation,
    on_behalf              boolean     not null default false,
    version                bigint      not null default 0,
    updated_at             timestamptz not null default now(),
    check (planned_end_date >= start_date),
    check (end_date is null or end_date >= start_date),
    check ((end_date is null) = (outcome is null)),
    check (outcome is distinct from 'STOPPED_EARLY' or stop_reason is not null),
    check ((type = 'TRAINING') = (training_name is not null)),
    -- a client never follows two instruments at the same time, whatever the timing of requests
    constraint instrument_no_overlap
        exclude using gist (trajectory_id with =, daterange(start_date, effective_end_date, '[]') with &&)
);
-- a technical training is used once per trajectory
create unique index instrument_one_technical_training on instrument (trajectory_id)
    where type = 'TRAINING' and training_technical;
create index instrument_trajectory on instrument (trajectory_id, start_date);
