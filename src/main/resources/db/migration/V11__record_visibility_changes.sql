-- Visibility changes in the change feed. A cluster sees an OCMW's records while a mandate is valid;
-- mandates start and end by date, without any write, so a daily job (VisibilityChanges) tells each
-- cluster which records it gained or lost that day. Those entries are addressed to the cluster
-- alone (`addressee`); they are not shown to VDAB or the OCMW, whose view did not change.
alter table change_event add column addressee varchar(64);
alter table change_event alter column kind type varchar(20);
alter table change_event drop constraint change_event_kind_check;
alter table change_event add constraint change_event_kind_check check (kind in
    ('CREATED', 'UPDATED', 'ENDED', 'WITHDRAWN', 'DELETED', 'VISIBILITY_GAINED', 'VISIBILITY_LOST'));
create index change_event_addressee on change_event (addressee, position) where addressee is not null;

-- One row per Belgian day whose changes were recorded; the primary key makes a day count once,
-- even when two instances run the job at the same time.
create table visibility_day (
    day         date primary key,
    recorded_at timestamptz not null default now()
);
-- Mandates valid before today are already reflected in what each cluster sees.
insert into visibility_day (day) values ((now() at time zone 'Europe/Brussels')::date);

create function mandate_valid(cluster text, ocmw text, d date) returns boolean language sql stable as $$
    select exists (select 1 from mandate m where m.cluster_id = cluster and m.ocmw_id = ocmw
                   and m.valid_from <= d and (m.valid_to is null or m.valid_to >= d))
$$;

-- Records the visibility changes of day d (compared with the day before) once; returns the number
-- of entries written.
create function record_visibility_changes(d date) returns integer language plpgsql as $$
declare
    written integer;
begin
    insert into visibility_day (day) values (d) on conflict do nothing;
    if not found then
        return 0;
    end if;
    with pairs as (
        select distinct cluster_id, ocmw_id from mandate where valid_from = d or valid_to = d - 1
    ), changed as (
        select cluster_id, ocmw_id, mandate_valid(cluster_id, ocmw_id, d) as visible
        from pairs
        where mandate_valid(cluster_id, ocmw_id, d) <> mandate_valid(cluster_id, ocmw_id, d - 1)
    ), records as (
        select 'trajectory' as type, id::text as id, '/trajectories/' || id as path, ocmw_id, version
        from trajectory
        union all
        select 'instrument', id::text, '/trajectories/' || trajectory_id || '/instruments/' || id, ocmw_id, version
        from instrument
        union all
        select 'document', id::text, '/trajectories/' || trajectory_id || '/documents/' || id, ocmw_id, 0
        from document
        union all
        select 'document-version', id::text,
               '/trajectories/' || trajectory_id || '/documents/' || document_id || '/versions/' || number, ocmw_id,
               version
        from document_version
        union all
        select 'transfer', id::text, '/transfers/' || id, ocmw_id, version from transfer
        union all
        select 'follow-up-action', id::text, '/transfers/' || transfer_id, ocmw_id, 0 from follow_up_action
    )
    insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind, addressee)
    select r.type, r.id, r.path, 'OCMW', r.ocmw_id, r.version,
           case when c.visible then 'VISIBILITY_GAINED' else 'VISIBILITY_LOST' end, c.cluster_id
    from changed c join records r on r.ocmw_id = c.ocmw_id;
    get diagnostics written = row_count;
    return written;
end $$;
