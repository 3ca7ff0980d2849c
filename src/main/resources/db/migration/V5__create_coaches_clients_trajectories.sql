-- Coaches (staff who guide clients) and the partner agreement: only trained coaches of a
-- signing organisation may be responsible for a registration (VDAB policy).
create table coach (
    id              uuid primary key,
    organisation_id varchar(64) not null references organisation,
    name            text        not null check (length(name) between 1 and 200),
    trained_on      date,
    version         bigint      not null default 0
);
create index coach_organisation on coach (organisation_id, id);

create table partner_agreement (
    organisation_id varchar(64) primary key references organisation,
    signed_on       date
);

-- Minimal personal data: the INSZ only. A client is reachable only through a trajectory.
create table client (
    id   uuid primary key,
    insz varchar(11) not null unique check (insz ~ '^[0-9]{11}$')
);

create table trajectory (
    id                       uuid primary key,
    ocmw_id                  varchar(64) not null,
    ocmw_kind                varchar(16) not null default 'OCMW' check (ocmw_kind = 'OCMW'),
    client_id                uuid        not null references client,
    start_date               date        not null,
    -- the last day of the maximum duration of 24 months, derived so it never disagrees with the start
    planned_end_date         date generated always as ((start_date + interval '24 months' - interval '1 day')::date) stored,
    end_date                 date,
    end_reason               varchar(40) check (end_reason in ('WORK_NEC', 'MAX_DURATION_REACHED',
        'INDICATION_SPECIALISED_GUIDANCE', 'INDICATION_CUSTOM_WORK', 'LONG_TRAINING', 'STOPPED_EARLY')),
    end_advice               text,
    coach_id                 uuid        not null references coach,
    registered_by            varchar(64) not null references organisation,
    on_behalf                boolean     not null default false,
    external_reference       varchar(100),
    at_work_at_measurement   boolean,
    at_work_within_12_months boolean,
    version                  bigint      not null default 0,
    updated_at               timestamptz not null default now(),
    foreign key (ocmw_id, ocmw_kind) references organisation (id, kind),
    check (end_date is null or end_date >= start_date),
    check ((end_date is null) = (end_reason is null) and (end_date is null) = (end_advice is null)),
    unique (registered_by, external_reference)
);
-- A client has at most one open trajectory, whatever the timing of concurrent requests.
create unique index trajectory_one_open_per_client on trajectory (client_id) where end_date is null;
create index trajectory_ocmw on trajectory (ocmw_id, id);
create index trajectory_updated_at on trajectory (updated_at);
