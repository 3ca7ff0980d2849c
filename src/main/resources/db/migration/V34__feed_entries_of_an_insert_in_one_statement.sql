-- The feed entries of new rows are written once per statement, not once per row (issue 31). A
-- bulk import's batch inserts hundreds of trajectories and instruments in one statement; a row
-- trigger ran plpgsql per row (the row as JSON, its path template parsed again, one insert into
-- change_event, and that insert's own trigger for the position): about 40 % of an instrument's
-- insert. Updates and deletes keep the row trigger (record_change, V9), which compares the old
-- and new row.
--
-- The entries get their positions here, as assign_change_position (V31) gives them one by one:
-- the transaction's id times 2^20 plus the entry's number within the transaction.
create function record_creations() returns trigger language plpgsql as $$
declare
    -- tg_argv as for record_change: resource type, scope, organisation column, path template
    path_sql text    := quote_literal(tg_argv[3]);
    col      text;
    id_sql   text    := 'r.' || quote_ident(tg_argv[2]) || '::text';
    ver_sql  text    := '0';
    before   integer := coalesce(nullif(current_setting('twe.feed_entries', true), ''), '0')::integer;
    written  integer;
begin
    -- the row's columns read directly (not through the row as JSON): a record's id, else its
    -- organisation's, as record_change; its version, else 0
    if exists (select from pg_attribute where attrelid = tg_relid and attname = 'id' and not attisdropped) then
        id_sql := 'r.id::text';
    end if;
    if exists (select from pg_attribute where attrelid = tg_relid and attname = 'version' and not attisdropped) then
        ver_sql := 'r.version';
    end if;
    for col in select m[1] from regexp_matches(tg_argv[3], '\{([a-z_]+)\}', 'g') as m loop
        path_sql := replace(path_sql, '{' || col || '}', ''' || r.' || quote_ident(col) || '::text || ''');
    end loop;
    execute format($sql$
        insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind, xid,
                                  position)
        select %1$L, %4$s, %5$s, %2$L, r.%3$I, %6$s, 'CREATED', pg_current_xact_id(),
               (pg_current_xact_id()::text::bigint << 20) + %7$s + row_number() over ()
        from created r$sql$,
        tg_argv[0], tg_argv[1], tg_argv[2], id_sql, path_sql, ver_sql, before);
    get diagnostics written = row_count;
    if before + written >= 1048576 then
        raise exception 'a transaction writes at most 1,048,575 change-feed entries' using errcode = '54000';
    end if;
    perform set_config('twe.feed_entries', (before + written)::text, true); -- the transaction's
    return null;
end $$;
-- as record_change (R__tenancy_policies): the feed is written as the tables' owner, whoever's change it is
alter function record_creations() security definer set search_path = public;

-- an entry that comes with its position keeps it
drop trigger change_event_position on change_event;
create trigger change_event_position before insert on change_event
    for each row when (new.position is null) execute function assign_change_position();

do $$
declare
    fed record;
begin
    for fed in select * from (values
        ('trajectory', 'trajectory', 'OCMW', 'ocmw_id', '/trajectories/{id}', 'end_date'),
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
    ) as t(tab, resource, scope, org, path, marker) loop
        execute format('drop trigger %1$s_changes on %1$s', fed.tab);
        execute format('create trigger %1$s_changes after update or delete on %1$s for each row '
                       'execute function record_change(%2$L, %3$L, %4$L, %5$L%6$s)',
                       fed.tab, fed.resource, fed.scope, fed.org, fed.path,
                       case when fed.marker is null then '' else format(', %L', fed.marker) end);
        execute format('create trigger %1$s_creations after insert on %1$s referencing new table as created '
                       'for each statement execute function record_creations(%2$L, %3$L, %4$L, %5$L)',
                       fed.tab, fed.resource, fed.scope, fed.org, fed.path);
    end loop;
end $$;
