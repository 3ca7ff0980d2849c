-- A key of a user-owned job (an export only its requester can read) belongs to that user: another
-- user of the same organisation sending the same key must not receive the first user's job.
-- Keys of organisation-wide resources keep subject '' and stay shared within the organisation.
alter table idempotency_key add column subject varchar(255) not null default '';
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (organisation_id, subject, key);
