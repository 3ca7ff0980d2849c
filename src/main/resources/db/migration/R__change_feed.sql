-- The change feed's functions and triggers, one definition each (issue 33). Versioned migrations
-- made the tables and the feed's history (V9, V11, V21, V31, V34 defined earlier versions of what
-- is here); a change to the feed's code is made in this file, which Flyway applies again after
-- the versioned migrations whenever it changes. So a versioned migration never defines a
-- function, trigger or view (MigrationsTest).
--
-- The feed is written only by these functions, whoever's change it is (a mandate's entries are
-- the OCMW's and the cluster's): they run as the tables' owner (security definer), and the caller
-- has no policy to write change_event itself (R__tenancy_policies).

-- The fed resources, the one list: the table, its resource type, whose it is (OCMW: the OCMW's
-- records, seen by whoever acts for it; OWN: an organisation's own), the column naming that
-- organisation, the path template ({column} is the row's value) and the column whose change from
-- null marks a kind (end_date -> ENDED, withdrawn_at -> WITHDRAWN).
create or replace function fed_resources()
    returns table (tab text, resource text, scope text, org text, path text, marker text)
    language sql immutable as $$
    values ('trajectory', 'trajectory', 'OCMW', 'ocmw_id', '/trajectories/{id}', 'end_date'),
           ('instrument', 'instrument', 'OCMW', 'ocmw_id', '/trajectories/{trajectory_id}/instruments/{id}', 'end_date'),
           ('document', 'document', 'OCMW', 'ocmw_id', '/trajectories/{trajectory_id}/documents/{id}', null),
           ('document_version', 'document-version', 'OCMW', 'ocmw_id',
            '/trajectories/{trajectory_id}/documents/{document_id}/versions/{number}', 'withdrawn_at'),
           ('transfer', 'transfer', 'OCMW', 'ocmw_id', '/transfers/{id}', null),
           ('follow_up_action', 'follow-up-action', 'OCMW', 'ocmw_id', '/transfers/{transfer_id}', null),
           ('coach', 'coach', 'OWN', 'organisation_id', '/organisations/{organisation_id}/coaches/{id}', null),
           ('financial_details', 'financial-details', 'OWN', 'organisation_id',
            '/organisations/{organisation_id}/financial-details', null),
           ('partner_agreement', 'partner-agreement', 'OWN', 'organisation_id',
            '/organisations/{organisation_id}/partner-agreement', null)
$$;

-- A path template as an SQL expression over the row r: '/transfers/{id}' -> '/transfers/' || r.id::text
create or replace function fed_path_sql(template text) returns text language plpgsql immutable as $$
declare
    expression text := quote_literal(template);
    col        text;
begin
    for col in select m[1] from regexp_matches(template, '\{([a-z_]+)\}', 'g') as m loop
        expression := replace(expression, '{' || col || '}', ''' || r.' || quote_ident(col) || '::text || ''');
    end loop;
    return expression;
end $$;

-- A record's id is its id column, else its organisation's (one row per organisation); its version
-- its version column, else 0.
create or replace function fed_column_sql(tab regclass, col text, otherwise text) returns text
    language sql stable as $$
    select case when exists (select from pg_attribute where attrelid = tab and attname = col and not attisdropped)
                then 'r.' || quote_ident(col) else otherwise end
$$;

-- Updates and deletes, one row at a time: the old and new row tell the kind. Trigger arguments
-- as fed_resources: resource type, scope, organisation column, path template, marker.
create or replace function record_change() returns trigger
    language plpgsql security definer set search_path = public as $$
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

-- Inserts, once per statement (issue 31: a bulk import's batch inserts hundreds of rows in one
-- statement, and a row trigger was about 40 % of an instrument's insert). The entries get their
-- positions here, as assign_change_position gives them one by one.
create or replace function record_creations() returns trigger
    language plpgsql security definer set search_path = public as $$
declare
    before  integer := coalesce(nullif(current_setting('twe.feed_entries', true), ''), '0')::integer;
    written integer;
begin
    execute format($sql$
        insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind, xid,
                                  position)
        select %1$L, %4$s::text, %5$s, %2$L, r.%3$I, %6$s, 'CREATED', pg_current_xact_id(),
               (pg_current_xact_id()::text::bigint << 20) + %7$s + row_number() over ()
        from created r$sql$,
        tg_argv[0], tg_argv[1], tg_argv[2], fed_column_sql(tg_relid, 'id', 'r.' || quote_ident(tg_argv[2])),
        fed_path_sql(tg_argv[3]), fed_column_sql(tg_relid, 'version', '0'), before);
    get diagnostics written = row_count;
    if before + written >= 1048576 then
        raise exception 'a transaction writes at most 1,048,575 change-feed entries' using errcode = '54000';
    end if;
    perform set_config('twe.feed_entries', (before + written)::text, true); -- the transaction's
    return null;
end $$;

-- A position is given when the entry is written (issue 31, ADR 0008): the writing transaction's
-- id (xid8) times 2^20, plus the entry's number within its transaction. Readers read only the
-- entries of transactions older than every one still running (feed_final), so a reader that
-- remembers its last position never skips an entry and never reads one twice.
create or replace function assign_change_position() returns trigger language plpgsql as $$
declare
    n integer := coalesce(nullif(current_setting('twe.feed_entries', true), ''), '0')::integer + 1;
begin
    if n >= 1048576 then
        raise exception 'a transaction writes at most 1,048,575 change-feed entries' using errcode = '54000';
    end if;
    perform set_config('twe.feed_entries', n::text, true); -- the transaction's, gone at its end
    new.xid := pg_current_xact_id();
    new.position := (new.xid::text::bigint << 20) + n;
    return new;
end $$;

-- The one definition of a final entry, and the last position a reader can read now (as the
-- caller: row-level security decides whose entries count).
create or replace function feed_final(entry_xid xid8) returns boolean language sql stable parallel safe as $$
    select entry_xid < pg_snapshot_xmin(pg_current_snapshot())
$$;
create or replace function feed_last_position() returns bigint language sql stable parallel safe as $$
    select coalesce(max(position), 0) from change_event where feed_final(xid)
$$;

-- The feed's rule of roles: financial details are for admins only (which organisations' entries
-- the caller sees is row-level security's). Plain SQL, so the planner inlines it.
create or replace function feed_for_roles(resource_type text, admin boolean) returns boolean
    language sql immutable as $$
    select resource_type <> 'financial-details' or admin
$$;

-- Each record's last final entry in (after, up_to] that the caller may see (row-level security:
-- the function runs as its caller) and its roles allow. PL/pgSQL with a rows estimate: the
-- planner cannot see through the policies' conditions and expects about a thousand rows for any
-- range, and an export that joins its records to this set in one pass (issue 31) was then planned
-- as a hash split into 131,072 batches (78 s instead of 2 s for 264,000 records).
create or replace function feed_last_per_record(after bigint, up_to bigint, admin boolean)
    returns table ("position" bigint, resource_type varchar, resource_id text, path text, version bigint,
                   kind varchar, occurred_at timestamptz, organisation_id varchar)
    language plpgsql stable rows 100000 as $$
begin
    return query
        select distinct on (c.resource_type, c.resource_id)
               c.position, c.resource_type, c.resource_id, c.path, c.version, c.kind, c.occurred_at, c.organisation_id
        from change_event c
        where c.position > after and c.position <= up_to and feed_final(c.xid)
          and feed_for_roles(c.resource_type, admin)
        order by c.resource_type, c.resource_id, c.position desc;
end $$;

-- Mandates: whether one holds on a day, the OCMW and the OCMWs that merged into it (through every
-- merger), and a mandate's own entries (the OCMW's entry is seen by the OCMW and VDAB, the
-- cluster's is addressed to the cluster alone).
create or replace function mandate_valid(cluster text, ocmw text, d date) returns boolean language sql stable as $$
    select exists (select 1 from mandate m where m.cluster_id = cluster and m.ocmw_id = ocmw
                   and m.valid_from <= d and (m.valid_to is null or m.valid_to >= d))
$$;

create or replace function ocmw_and_predecessors(ocmw text) returns setof text language sql stable as $$
    with recursive merged (id) as (
        select ocmw
        union
        select o.id from organisation o join merged m on o.successor_id = m.id)
    select id from merged
$$;

create or replace function record_mandate_change() returns trigger
    language plpgsql security definer set search_path = public as $$
declare
    kind text := case when tg_op = 'INSERT' then 'CREATED' else 'UPDATED' end;
begin
    insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind, addressee)
    values ('mandate', new.id::text, '/mandates/' || new.id, 'OWN', new.ocmw_id, new.version, kind, null),
           ('mandate', new.id::text, '/mandates/' || new.id, 'OWN', new.cluster_id, new.version, kind, new.cluster_id);
    return null;
end $$;

-- Tells a cluster which records it gained or lost when its mandate for an OCMW began or ended:
-- every record of the OCMW (and of the OCMWs that merged into it), addressed to the cluster.
create or replace function record_pair_visibility(cluster text, ocmw text, visible boolean) returns integer
    language plpgsql security definer set search_path = public as $$
declare
    fed     record;
    n       integer;
    written integer := 0;
begin
    for fed in select * from fed_resources() where scope = 'OCMW' loop
        execute format($sql$
            insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind,
                                      addressee)
            select %1$L, r.id::text, %2$s, 'OCMW', r.%3$I, %4$s, %5$L, %6$L
            from %7$I r where r.%3$I in (select ocmw_and_predecessors(%8$L))$sql$,
            fed.resource, fed_path_sql(fed.path), fed.org, fed_column_sql(fed.tab::regclass, 'version', '0'),
            case when visible then 'VISIBILITY_GAINED' else 'VISIBILITY_LOST' end, cluster, fed.tab, ocmw);
        get diagnostics n = row_count;
        written := written + n;
    end loop;
    return written;
end $$;

-- Records the visibility changes of day d (compared with the day before) once; returns the number
-- of entries written.
create or replace function record_visibility_changes(d date) returns integer
    language plpgsql security definer set search_path = public as $$
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

-- The triggers, from the list. An entry that comes with its position keeps it.
drop trigger if exists change_event_position on change_event;
create trigger change_event_position before insert on change_event
    for each row when (new.position is null) execute function assign_change_position();

drop trigger if exists mandate_changes on mandate;
create trigger mandate_changes after insert or update on mandate for each row
    execute function record_mandate_change();

do $$
declare
    fed record;
begin
    for fed in select * from fed_resources() loop
        execute format('drop trigger if exists %1$s_changes on %1$s', fed.tab);
        execute format('create trigger %1$s_changes after update or delete on %1$s for each row '
                       'execute function record_change(%2$L, %3$L, %4$L, %5$L%6$s)',
                       fed.tab, fed.resource, fed.scope, fed.org, fed.path,
                       case when fed.marker is null then '' else format(', %L', fed.marker) end);
        execute format('drop trigger if exists %1$s_creations on %1$s', fed.tab);
        execute format('create trigger %1$s_creations after insert on %1$s referencing new table as created '
                       'for each statement execute function record_creations(%2$L, %3$L, %4$L, %5$L)',
                       fed.tab, fed.resource, fed.scope, fed.org, fed.path);
    end loop;
end $$;
