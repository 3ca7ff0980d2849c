-- Mandates as managed data (issue 19): an OCMW's admin grants and ends them, VDAB's admin corrects
-- periods. The seeded mandates copy the overview published for March 2021, which gives no period:
-- they are marked as assumed until corrected.
-- Mandates get addresses of their own (/mandates/{id}): random ids instead of a guessable sequence.
alter table mandate add column uid uuid not null default gen_random_uuid();
alter table mandate drop constraint mandate_pkey;
alter table mandate drop column id;
alter table mandate rename column uid to id;
alter table mandate add primary key (id);

alter table mandate add column version bigint not null default 0;
alter table mandate add column source varchar(20) not null default 'API'
    check (source in ('PUBLICATION_2021', 'API'));
alter table mandate add column period_assumed boolean not null default false;
update mandate set source = 'PUBLICATION_2021', period_assumed = true;

-- A name the API maps to its problem: two mandates of one pair never overlap, also when two
-- requests grant them at the same time.
do $$
declare
    name text;
begin
    select conname into name from pg_constraint where conrelid = 'mandate'::regclass and contype = 'x';
    execute format('alter table mandate rename constraint %I to mandate_no_overlap', name);
end $$;

-- The OCMW and the OCMWs that merged into it, through every merger.
create function ocmw_and_predecessors(ocmw text) returns setof text language sql stable as $$
    with recursive merged (id) as (
        select ocmw
        union
        select o.id from organisation o join merged m on o.successor_id = m.id)
    select id from merged
$$;

-- Tells a cluster which records it gained or lost when its mandate for an OCMW began or ended
-- (by date, or because a mandate was granted, ended or corrected): entries addressed to the
-- cluster alone, for the OCMW's records and those of the OCMWs that merged into it.
create function record_pair_visibility(cluster text, ocmw text, visible boolean) returns integer
language plpgsql as $$
declare
    written integer;
begin
    with records as (
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
           case when visible then 'VISIBILITY_GAINED' else 'VISIBILITY_LOST' end, cluster
    from records r where r.ocmw_id in (select ocmw_and_predecessors(ocmw));
    get diagnostics written = row_count;
    return written;
end $$;

create or replace function record_visibility_changes(d date) returns integer language plpgsql as $$
declare
    written integer := 0;
    pair record;
begin
    insert into visibility_day (day) values (d) on conflict do nothing;
    if not found then
        return 0;
    end if;
    for pair in
        select cluster_id, ocmw_id, mandate_valid(cluster_id, ocmw_id, d) as visible
        from (select distinct cluster_id, ocmw_id from mandate where valid_from = d or valid_to = d - 1) pairs
        where mandate_valid(cluster_id, ocmw_id, d) <> mandate_valid(cluster_id, ocmw_id, d - 1)
    loop
        written := written + record_pair_visibility(pair.cluster_id, pair.ocmw_id, pair.visible);
    end loop;
    return written;
end $$;

-- A mandate concerns two organisations: the OCMW's entry is seen by the OCMW (and VDAB), the
-- cluster's is addressed to the cluster alone.
create function record_mandate_change() returns trigger language plpgsql as $$
declare
    kind text := case when tg_op = 'INSERT' then 'CREATED' else 'UPDATED' end;
begin
    insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind, addressee)
    values ('mandate', new.id::text, '/mandates/' || new.id, 'OWN', new.ocmw_id, new.version, kind, null),
           ('mandate', new.id::text, '/mandates/' || new.id, 'OWN', new.cluster_id, new.version, kind, new.cluster_id);
    return null;
end $$;
create trigger mandate_changes after insert or update on mandate for each row
    execute function record_mandate_change();

-- The mandates that existed before, as CREATED entries for a consumer starting at position 0.
insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind, addressee)
select 'mandate', id::text, '/mandates/' || id, 'OWN', ocmw_id, version, 'CREATED', null from mandate
union all
select 'mandate', id::text, '/mandates/' || id, 'OWN', cluster_id, version, 'CREATED', cluster_id from mandate;
