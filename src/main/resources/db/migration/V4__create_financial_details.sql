-- An organisation's enterprise number and bank account (the 2016 lesson: only the
-- organisation itself and VDAB read or change them), and an append-only audit trail.
create table financial_details (
    organisation_id varchar(64) primary key references organisation,
    kbo_number      varchar(10) check (
        kbo_number ~ '^[01][0-9]{9}$'
        and 97 - mod(left(kbo_number, 8)::bigint, 97) = right(kbo_number, 2)::int),
    iban            varchar(34) check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    version         bigint      not null default 0,
    updated_at      timestamptz
);
insert into financial_details (organisation_id) select id from organisation;

create table audit_event (
    id                    bigserial primary key,
    occurred_at           timestamptz not null default now(),
    actor_subject         text        not null,
    actor_organisation_id varchar(64) not null,
    organisation_id       varchar(64) not null references organisation,
    entity_type           varchar(64) not null,
    entity_id             text        not null,
    action                varchar(32) not null,
    old_value             jsonb,
    new_value             jsonb
);
create index audit_event_organisation on audit_event (organisation_id, id desc);

create function reject_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function reject_audit_change();
