-- Bulk imports (issue 6): one job per submitted NDJSON file and one row per line. A worker runs
-- each line in its own transaction that also writes the line's result, so the report says
-- SUCCEEDED exactly when the record exists. The request text holds INSZ numbers: it is cleared
-- when the line is processed.
create table import_job (
    id              uuid         primary key,
    organisation_id varchar(64)  not null references organisation,
    subject         varchar(255) not null, -- the submitting user: the lines run as this user
    roles           varchar(255) not null, -- the user's roles at submission, comma-separated
    line_count      integer      not null,
    submitted_at    timestamptz  not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
create index import_job_unfinished on import_job (submitted_at) where finished_at is null;
create index import_job_finished on import_job (finished_at);

create table import_line (
    import_id     uuid        not null references import_job on delete cascade,
    line          integer     not null,
    request       text,
    status        varchar(9)  not null default 'PENDING'
                  check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    http_status   integer,
    resource_type varchar(30),
    resource_id   uuid,
    path          text,
    problem       jsonb,
    primary key (import_id, line),
    -- a processed line keeps no request text; a pending one has it
    constraint import_line_request_until_processed check ((status = 'PENDING') = (request is not null))
);
create index import_line_pending on import_line (import_id, line) where status = 'PENDING';
