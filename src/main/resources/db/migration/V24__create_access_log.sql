-- Who read a client's file (issue 21): one row per record of personal data a caller read, with
-- who (token subject, organisation, roles), when and through which operation. Written by the
-- application outside the read's own transaction (be.twe.common.privacy.AccessLog), so a read
-- that fails after reading is still recorded. Append-only, like audit_event.
create table access_log (
    id              bigserial   primary key,
    occurred_at     timestamptz not null,
    subject         text        not null,
    organisation_id varchar(64) not null,
    roles           text[]      not null,
    operation       varchar(64) not null,
    ocmw_id         varchar(64) not null, -- the OCMW whose client's file was read
    trajectory_id   uuid        not null,
    resource_type   varchar(32) not null,
    resource_id     text        not null
);
create index access_log_trajectory on access_log (trajectory_id, id desc);

create function reject_access_log_change() returns trigger language plpgsql as $$
begin
    raise exception 'access_log is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger access_log_append_only before update or delete or truncate on access_log
    for each statement execute function reject_access_log_change();
