-- The change feed: one entry per created, changed or deleted row of every synchronised resource,
-- written by triggers in the writing transaction, so no write path can forget it.
--
-- Positions follow commit order. A row gets its position only at commit time, from a deferred
-- constraint trigger that first takes one transaction-level advisory lock; the lock is released
-- after the commit became visible, so a later position can never be visible before an earlier
-- one. A reader that remembers the last position it saw therefore never skips an entry of a
-- transaction that committed late, and never reads one twice (ADR 0008).
create sequence change_position;

create table change_event (
    id              bigserial primary key,
    xid             xid8        not null default pg_current_xact_id(), -- tells a write its position
    position        bigint unique,                                      -- null only until commit
    occurred_at     timestamptz not null default now(),
    resource_type   varchar(32) not null,
    resource_id     text        not null,
    path            text        not null,
    -- OCMW: visible to whoever acts for the OCMW; OWN: to the organisation itself (and VDAB)
    scope           varchar(8)  not null check (scope in ('OCMW', 'OWN')),
    organisation_id varchar(64) not null,
    version         bigint      not null,
    kind            varchar(16) not null check (kind in ('CREATED', 'UPDATED', 'ENDED', 'WITHDRAWN', 'DELETED'))
);
create index change_event_xid on change_event (xid);
create index change_event_organisation on change_event (organisation_id, position);

-- Trigger arguments: resource type, scope, organisation column, path template ({column} is
-- replaced by the row's value), and optionally a column whose change from null marks a kind
-- (end_date -> ENDED, withdrawn_at -> WITHDRAWN).
create function record_change() returns trigger language plpgsql as $$
declare
    rec    jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
    marker text  := case when tg_nargs > 4 then tg_argv[4] end;
    kind   text;
    path   text  := tg_argv[3];
    col    text;
begin
    kind := case
        when tg_op = 'INSERT' then 'CREATED'
        when tg_op = 'DELETE' then 'DELETED'
        when marker is not null and to_jsonb(old) ->> marker is null and rec ->> marker is not null
            then case marker when 'withdrawn_at' then 'WITHDRAWN' else 'ENDED' end
        else 'UPDATED' end;
    for col in select m[1] from regexp_matches(tg_argv[3], '\{([a-z_]+)\}', 'g') as m loop
        path := replace(path, '{' || col || '}', rec ->> col);
    end loop;
    insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind)
    values (tg_argv[0], coalesce(rec ->> 'id', rec ->> tg_argv[2]), path, tg_argv[1], rec ->> tg_argv[2],
            coalesce((rec ->> 'version')::bigint, 0), kind);
    return null;
end $$;

create function assign_change_position() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7265010); -- one lock for all writers: commit order = position order
    update change_event set position = nextval('change_position') where id = new.id;
    return null;
end $$;
create constraint trigger change_event_position after insert on change_event
    deferrable initially deferred for each row execute function assign_change_position();

create trigger trajectory_changes after insert or update or delete on trajectory for each row
    execute function record_change('trajectory', 'OCMW', 'ocmw_id', '/trajectories/{id}', 'end_date');
create trigger instrument_changes after insert or update or delete on instrument for each row
    execute function record_change('instrument', 'OCMW', 'ocmw_id',
        '/trajectories/{trajectory_id}/instruments/{id}', 'end_date');
create trigger document_changes after insert or update or delete on document for each row
    execute function record_change('document', 'OCMW', 'ocmw_id', '/trajectories/{trajectory_id}/documents/{id}');
create trigger document_version_changes after insert or update or delete on document_version for each row
    execute function record_change('document-version', 'OCMW', 'ocmw_id',
        '/trajectories/{trajectory_id}/documents/{document_id}/versions/{number}', 'withdrawn_at');
create trigger transfer_changes after insert or update or delete on transfer for each row
    execute function record_change('transfer', 'OCMW', 'ocmw_id', '/transfers/{id}');
create trigger follow_up_action_changes after insert or update or delete on follow_up_action for each row
    execute function record_change('follow-up-action', 'OCMW', 'ocmw_id', '/transfers/{transfer_id}');
create trigger coach_changes after insert or update or delete on coach for each row
    execute function record_change('coach', 'OWN', 'organisation_id', '/organisations/{organisation_id}/coaches/{id}');
create trigger financial_details_changes after insert or update or delete on financial_details for each row
    execute function record_change('financial-details', 'OWN', 'organisation_id',
        '/organisations/{organisation_id}/financial-details');
create trigger partner_agreement_changes after insert or update or delete on partner_agreement for each row
    execute function record_change('partner-agreement', 'OWN', 'organisation_id',
        '/organisations/{organisation_id}/partner-agreement');

-- What existed before the feed, as CREATED entries, so that a consumer starting at position 0
-- learns about every row.
insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind)
select 'financial-details', organisation_id, '/organisations/' || organisation_id || '/financial-details', 'OWN',
       organisation_id, version, 'CREATED' from financial_details
union all
select 'partner-agreement', organisation_id, '/organisations/' || organisation_id || '/partner-agreement', 'OWN',
       organisation_id, 0, 'CREATED' from partner_agreement
union all
select 'coach', id::text, '/organisations/' || organisation_id || '/coaches/' || id, 'OWN', organisation_id, version,
       'CREATED' from coach
union all
select 'trajectory', id::text, '/trajectories/' || id, 'OCMW', ocmw_id, version, 'CREATED' from trajectory
union all
select 'instrument', id::text, '/trajectories/' || trajectory_id || '/instruments/' || id, 'OCMW', ocmw_id, version,
       'CREATED' from instrument
union all
select 'document', id::text, '/trajectories/' || trajectory_id || '/documents/' || id, 'OCMW', ocmw_id, 0, 'CREATED'
from document
union all
select 'document-version', id::text,
       '/trajectories/' || trajectory_id || '/documents/' || document_id || '/versions/' || number, 'OCMW', ocmw_id,
       version, 'CREATED' from document_version
union all
select 'transfer', id::text, '/transfers/' || id, 'OCMW', ocmw_id, version, 'CREATED' from transfer
union all
select 'follow-up-action', id::text, '/transfers/' || transfer_id, 'OCMW', ocmw_id, 0, 'CREATED' from follow_up_action;
