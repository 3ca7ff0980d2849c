-- Transfers of a trajectory's file to VDAB, with a structured reason (free text since 2022 could
-- not be counted), the SPOC hand-over as a state machine, and VDAB's follow-up within 12 months.
create table transfer (
    id             uuid primary key,
    trajectory_id  uuid        not null references trajectory,
    ocmw_id        varchar(64) not null, -- the trajectory's, for the tenancy filter
    reason         varchar(40) not null check (reason in ('MAX_DURATION_REACHED', 'INDICATION_SPECIALISED_GUIDANCE',
        'INDICATION_CUSTOM_WORK', 'LONG_TRAINING', 'CLIENT_REPORTED', 'IBO_TAKEN_OVER', 'OTHER')),
    reason_text    text check (length(reason_text) between 1 and 4000),
    channel        varchar(24) not null check (channel in ('VEO', 'SPOC_NOTE', 'VDAB_MONITORING', 'SERVICE_LINE')),
    transfer_date  date        not null,
    status         varchar(16) not null default 'REQUESTED'
        check (status in ('REQUESTED', 'ACKNOWLEDGED', 'DISPATCHED', 'RETURNED')),
    status_since   timestamptz not null default now(),
    requested_by   varchar(64) not null references organisation,
    on_behalf      boolean     not null default false,
    created_at     timestamptz not null default now(),
    version        bigint      not null default 0,
    updated_at     timestamptz not null default now(),
    constraint transfer_other_needs_text check (reason <> 'OTHER' or reason_text is not null)
);
-- At most one open transfer per trajectory, whatever the timing of concurrent requests.
create unique index transfer_one_open_per_trajectory on transfer (trajectory_id) where status <> 'DISPATCHED';
create index transfer_trajectory on transfer (trajectory_id, created_at);
-- the SPOC queue: oldest first within a status
create index transfer_queue on transfer (status, transfer_date, id);
-- statistics: per year of the transfer date, reason and channel
create index transfer_counting on transfer (transfer_date, reason, channel);

-- Every step of the hand-over: who (subject and organisation), when, and what was said.
create table transfer_step (
    id                    bigserial primary key,
    transfer_id           uuid        not null references transfer,
    ocmw_id               varchar(64) not null,
    kind                  varchar(16) not null check (kind in ('REQUESTED', 'ACKNOWLEDGED', 'DISPATCHED', 'RETURNED', 'ANSWERED')),
    occurred_at           timestamptz not null default now(),
    actor_subject         varchar(200) not null,
    actor_organisation_id varchar(64) not null references organisation,
    note                  text check (length(note) between 1 and 4000),
    destination_kind      varchar(16) check (destination_kind in ('TEAM', 'ACTION')),
    destination           text check (length(destination) between 1 and 200),
    check ((kind = 'DISPATCHED') = (destination is not null) and (destination is null) = (destination_kind is null)),
    check (kind not in ('RETURNED', 'ANSWERED') or note is not null)
);
create index transfer_step_transfer on transfer_step (transfer_id, id);

-- What the client took part in after the end, as recorded by VDAB.
create table follow_up_action (
    id            uuid primary key,
    transfer_id   uuid        not null references transfer,
    ocmw_id       varchar(64) not null,
    type          varchar(32) not null check (type in ('LONG_TRAINING', 'GUIDANCE', 'SPECIALISED_GUIDANCE',
        'CUSTOM_WORK', 'WORK', 'OTHER', 'TRANSMISSION')),
    start_date    date        not null,
    end_date      date,
    description   text check (length(description) between 1 and 4000),
    recorded_at   timestamptz not null default now(),
    recorded_by   varchar(64) not null references organisation,
    check (end_date is null or end_date >= start_date),
    check (type <> 'OTHER' or description is not null)
);
create index follow_up_action_transfer on follow_up_action (transfer_id, start_date);
create index follow_up_action_counting on follow_up_action (start_date, type);
