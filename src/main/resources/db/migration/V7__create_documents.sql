-- POP/GPMI plans and reports of a trajectory. A document is created with its first version, in the
-- same transaction, so a document never exists without content.
create table document (
    id            uuid primary key,
    trajectory_id uuid        not null references trajectory,
    ocmw_id       varchar(64) not null, -- the trajectory's, for the tenancy filter
    kind          varchar(16) not null check (kind in ('POP', 'GPMI', 'OTHER_PLAN', 'REPORT')),
    title         text        not null check (length(title) between 1 and 200),
    created_at    timestamptz not null default now()
);
create index document_trajectory on document (trajectory_id, created_at);

-- Immutable uploads. The file lives in the document store (by default a PostgreSQL large object,
-- written in the same transaction, so a rollback leaves no orphan content); storage_key names it.
create table document_version (
    id               uuid primary key,
    document_id      uuid        not null references document,
    trajectory_id    uuid        not null references trajectory,
    ocmw_id          varchar(64) not null,
    number           int         not null check (number > 0),
    file_name        text        not null check (length(file_name) between 1 and 200),
    media_type       varchar(100) not null check (media_type in ('application/pdf',
        'application/vnd.oasis.opendocument.text',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg')),
    size_bytes       bigint      not null check (size_bytes > 0),
    sha256           varchar(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key      varchar(200) not null unique,
    uploaded_at      timestamptz not null default now(),
    uploaded_by      varchar(64) not null references organisation,
    on_behalf        boolean     not null default false,
    withdrawn_at     timestamptz,
    withdrawn_by     varchar(64) references organisation,
    withdrawal_reason text,
    version          bigint      not null default 0,
    -- two concurrent uploads of the same document never get the same number
    constraint document_version_number unique (document_id, number),
    check ((withdrawn_at is null) = (withdrawal_reason is null) and (withdrawn_at is null) = (withdrawn_by is null))
);
-- plan monitoring: the first non-withdrawn plan of each trajectory
create index document_version_trajectory on document_version (trajectory_id, uploaded_at) where withdrawn_at is null;
