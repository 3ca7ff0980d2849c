-- Idempotency keys: the first response to a create, kept so that a retry with the same key gets it
-- again. The row is written in the create's own transaction, so a key exists exactly when its
-- record does; a parallel retry waits on the primary key until the first one commits or rolls back.
create table idempotency_key (
    organisation_id varchar(64)  not null references organisation,
    key             varchar(100) not null,
    fingerprint     char(64)     not null, -- SHA-256 (hex) of the operation and its request
    created_at      timestamptz  not null default now(),
    status          smallint,              -- null only until the create commits
    body            text,
    location        text,
    etag            text,
    transaction_id  xid8,                  -- to tell the replay its feed position
    primary key (organisation_id, key)
);
create index idempotency_key_expiry on idempotency_key (created_at);

-- The partner agreement gets a version like every other record, for ETag and If-Match.
alter table partner_agreement add column version bigint not null default 0;
