-- Bulk exports (issue 6): a job per request and its NDJSON content, one row per line. The
-- content holds personal data (INSZ): it is readable by the requesting user only and deleted a
-- day after the export finished.
create table export_job (
    id              uuid         primary key,
    organisation_id varchar(64)  not null references organisation,
    subject         varchar(255) not null, -- the requesting user: the export shows what this user may see
    roles           varchar(255) not null,
    since           bigint       not null, -- feed position the export starts after (0: everything)
    up_to           bigint,                -- feed position it reaches, fixed when it runs
    records         integer,
    deletions       integer,
    problem         jsonb,                 -- why it failed
    submitted_at    timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index export_job_unfinished on export_job (submitted_at) where finished_at is null;
create index export_job_finished on export_job (finished_at);

create table export_line (
    export_id uuid    not null references export_job on delete cascade,
    line      integer not null,
    content   text    not null,
    primary key (export_id, line)
);
