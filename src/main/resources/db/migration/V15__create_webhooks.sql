-- Webhooks (issue 6). The change feed is the outbox: its entries are written in the same
-- transaction as the change. A dispatcher copies each subscription's new entries into deliveries
-- (moving the subscription's position in the same transaction, so an entry is queued exactly
-- once), then sends them and retries with backoff; every attempt is logged.
create table webhook_subscription (
    id              uuid         primary key,
    organisation_id varchar(64)  not null references organisation,
    subject         varchar(255) not null, -- who subscribed: events are what this user may see
    roles           varchar(255) not null,
    url             text         not null,
    event_types     text         not null, -- comma-separated CloudEvents types, or *
    secret          varchar(100) not null, -- whsec_<base64>: signs the requests, shown once
    position        bigint       not null, -- change-feed position up to which events are queued
    version         bigint       not null default 0,
    created_at      timestamptz  not null default now()
);

create table webhook_delivery (
    id              uuid        primary key, -- the event's id: the same on every attempt
    subscription_id uuid        not null references webhook_subscription on delete cascade,
    position        bigint      not null,
    type            varchar(60) not null,
    resource_type   varchar(32) not null,
    resource_id     text        not null,
    path            text        not null,
    version         bigint      not null,
    organisation_id varchar(64) not null,
    occurred_at     timestamptz not null,
    status          varchar(9)  not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    unique (subscription_id, position)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';

create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery on delete cascade,
    number       integer     not null,
    attempted_at timestamptz not null default now(),
    http_status  integer,              -- null when no response came
    error        varchar(200),         -- why, when no response came
    primary key (delivery_id, number)
);
