-- Requests an OCMW (or a cluster for it) files with VDAB's helpdesk: to register on its behalf,
-- to correct a registration, or a question (2017 question: 234 requests to register and 1,112
-- questions and solutions; "op eenvoudig verzoek van een OCMW ... voert VDAB zelf de nodige
-- registraties uit"). The helpdesk answers, fulfils (naming the registrations it made) or refuses.
create table helpdesk_request (
    id            uuid primary key,
    ocmw_id       varchar(64) not null references organisation,
    trajectory_id uuid references trajectory,
    kind          varchar(16) not null check (kind in ('REGISTRATION', 'CORRECTION', 'QUESTION')),
    description   text        not null check (length(description) between 1 and 4000),
    status        varchar(16) not null default 'OPEN' check (status in ('OPEN', 'FULFILLED', 'ANSWERED', 'REFUSED')),
    requested_by  varchar(64) not null references organisation,
    requested_at  timestamptz not null default now(),
    answer        text check (length(answer) between 1 and 4000),
    answered_at   timestamptz,
    version       bigint      not null default 0,
    constraint helpdesk_request_answered_unless_open check ((status = 'OPEN') = (answered_at is null)),
    constraint helpdesk_request_refusal_says_why check (status <> 'REFUSED' or answer is not null)
);
create index helpdesk_request_ocmw on helpdesk_request (ocmw_id);
create index helpdesk_request_queue on helpdesk_request (requested_at, id);

-- The registrations VDAB's helpdesk made to fulfil a request.
create table helpdesk_request_registration (
    request_id    uuid        not null references helpdesk_request,
    ocmw_id       varchar(64) not null, -- the request's, for the tenancy filter
    resource_type varchar(16) not null check (resource_type in ('trajectory', 'instrument', 'transfer')),
    resource_id   uuid        not null,
    primary key (request_id, resource_type, resource_id)
);

create trigger helpdesk_request_statistics_insert after insert on helpdesk_request
    referencing new table as changed for each statement execute function mark_statistics_stale('ocmw_id');
create trigger helpdesk_request_statistics_update after update on helpdesk_request
    referencing new table as changed for each statement execute function mark_statistics_stale('ocmw_id');
create trigger helpdesk_request_registration_statistics_insert after insert on helpdesk_request_registration
    referencing new table as changed for each statement execute function mark_statistics_stale('ocmw_id');

-- The helpdesk figure counts the requests by kind and outcome beside the registrations: a row is
-- either registrations (no request kind) or requests (resource type HELPDESK_REQUEST).
alter table statistics_helpdesk drop constraint statistics_helpdesk_pkey;
alter table statistics_helpdesk
    add column request_kind       varchar(16),
    add column request_outcome    varchar(16),
    add column requests           int not null default 0,
    add column registrations_made int not null default 0;
create index statistics_helpdesk_ocmw_year on statistics_helpdesk (ocmw_id, year);
