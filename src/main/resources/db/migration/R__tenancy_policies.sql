-- The tenancy rulebook (issue 30, ADR 0033): who sees which row, decided by PostgreSQL for HQL,
-- loads by id and native SQL alike. One definition each, changed in place (Flyway runs this file
-- again whenever it changes).
--
-- The caller is a set of transaction settings that the application sets before its first
-- statement (set_config(..., true), so a connection back in the pool carries none):
--   twe.unrestricted  'on' for VDAB and for named system work (the statistics refresh, ...)
--   twe.organisation  the caller's organisation
--   twe.acting_for    the OCMWs it acts for: itself and the OCMWs that merged into it, or the
--                     OCMWs that mandate it today (and theirs), comma-separated
--   twe.own           the OCMWs whose files it keeps as controller (itself and its predecessors)
--   twe.visible       the organisations of its directory
-- Without settings a role that cannot bypass row-level security sees nothing: the rules fail
-- closed.
--
-- Row-level security is enabled and forced on every table below. The application connects as a
-- role that owns no table and cannot bypass it (be.twe.common.tenancy.DatabaseRoleCheck); the
-- tables' owner, as which Flyway migrates, bypasses it (BYPASSRLS, or the superuser locally), and
-- so do the functions below that run as the owner (SECURITY DEFINER).

create or replace function twe_unrestricted() returns boolean language sql stable parallel safe as $$
    select coalesce(current_setting('twe.unrestricted', true), '') = 'on'
$$;

create or replace function twe_organisation() returns text language sql stable parallel safe as $$
    select nullif(current_setting('twe.organisation', true), '')
$$;

create or replace function twe_setting_list(name text) returns text[] language sql stable parallel safe as $$
    select coalesce(string_to_array(nullif(current_setting(name, true), ''), ','), '{}')
$$;

-- An OCMW's records: trajectories and everything under them, and the OCMW's own settings.
do $$
declare
    t text;
begin
    foreach t in array array['trajectory', 'instrument', 'document', 'document_version', 'transfer',
                             'transfer_step', 'follow_up_action', 'plan_method', 'helpdesk_request',
                             'helpdesk_request_registration', 'statistics_starts', 'statistics_ends',
                             'statistics_instruments', 'statistics_target_years', 'statistics_trainings',
                             'statistics_transfers', 'statistics_follow_ups', 'statistics_outcomes',
                             'statistics_helpdesk', 'statistics_coaches', 'statistics_plans',
                             'statistics_starts_parts', 'statistics_ends_parts', 'statistics_instruments_parts',
                             'statistics_target_years_parts', 'statistics_trainings_parts',
                             'statistics_transfers_parts', 'statistics_follow_ups_parts',
                             'statistics_outcomes_parts', 'statistics_helpdesk_parts', 'statistics_coaches_parts',
                             'statistics_plans_parts'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('drop policy if exists acting_for on %I', t);
        -- the settings as init plans, read once per statement rather than once per row
        execute format('create policy acting_for on %I using ((select twe_unrestricted())'
                       ' or ocmw_id = any((select twe_setting_list(''twe.acting_for''))::text[]))', t);
    end loop;
end $$;

-- The rollups (ADR 0044) sum every OCMW's figures: read only by a caller who sees every OCMW.
do $$
declare
    t text;
begin
    foreach t in array array['statistics_rollup', 'statistics_rollup_group', 'statistics_rollup_member',
                             'statistics_rollup_touched'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('drop policy if exists unrestricted on %I', t);
        execute format('create policy unrestricted on %I using ((select twe_unrestricted()))', t);
    end loop;
end $$;

-- An organisation's own rows: its financial details and audit trail, its coaches, its partner
-- agreement, its jobs and webhook subscriptions.
do $$
declare
    t text;
begin
    foreach t in array array['financial_details', 'coach', 'partner_agreement', 'import_job',
                             'export_job', 'webhook_subscription', 'webhook_delivery', 'idempotency_key'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('drop policy if exists own_organisation on %I', t);
        execute format('create policy own_organisation on %I using (twe_unrestricted()'
                       ' or organisation_id = twe_organisation())', t);
    end loop;
end $$;

-- The audit trail: read by the organisation itself. A change is audited for every organisation it
-- concerns, so a caller writes entries for itself, for the OCMWs it acts for (a cluster's
-- transfer step), and for the other party of a mandate it gave or holds.
alter table audit_event enable row level security;
alter table audit_event force row level security;
drop policy if exists own_organisation on audit_event;
drop policy if exists own_audit on audit_event;
create policy own_audit on audit_event for select
    using (twe_unrestricted() or organisation_id = twe_organisation());
drop policy if exists audit_of_a_change on audit_event;
create policy audit_of_a_change on audit_event for insert
    with check (twe_unrestricted() or organisation_id = twe_organisation()
                or organisation_id = any(twe_setting_list('twe.acting_for'))
                or exists (select 1 from mandate m
                           where (m.cluster_id = organisation_id and m.ocmw_id = twe_organisation())
                              or (m.ocmw_id = organisation_id and m.cluster_id = twe_organisation())));

-- The directory: the organisations the caller may see.
alter table organisation enable row level security;
alter table organisation force row level security;
drop policy if exists visible_organisation on organisation;
create policy visible_organisation on organisation
    using (twe_unrestricted() or id = any(twe_setting_list('twe.visible')));

-- Mandates the caller gave or holds.
alter table mandate enable row level security;
alter table mandate force row level security;
drop policy if exists own_mandate on mandate;
create policy own_mandate on mandate
    using (twe_unrestricted() or cluster_id = twe_organisation() or ocmw_id = twe_organisation());

-- Who read a client's file is the OCMW's own record (and VDAB's), not its cluster's.
alter table access_log enable row level security;
alter table access_log force row level security;
drop policy if exists own_files on access_log;
create policy own_files on access_log
    using (twe_unrestricted() or ocmw_id = any(twe_setting_list('twe.own')));

-- The change feed: an OCMW's records to whoever acts for it, an organisation's own to itself,
-- and the visibility entries addressed to one organisation to it alone (not to VDAB, whose view
-- did not change).
alter table change_event enable row level security;
alter table change_event force row level security;
drop policy if exists feed_scope on change_event;
create policy feed_scope on change_event for select
    using ((addressee is null
            and (twe_unrestricted()
                 or (scope = 'OCMW' and organisation_id = any(twe_setting_list('twe.acting_for')))
                 or (scope = 'OWN' and organisation_id = twe_organisation())))
           or addressee = twe_organisation());

-- The feed is written only by its triggers and functions (R__change_feed), which run as the
-- tables' owner; the caller has no policy to write change_event itself.

-- Who the caller is, read before any setting exists (the settings are made from it): the kind of
-- its organisation today, the OCMWs it acts for (itself and the OCMWs that merged into it, and the
-- OCMWs that mandate it today and theirs), the organisations of its directory and the OCMWs whose
-- files it keeps. For an organisation that no longer exists: the OCMW it merged into, and when.
create or replace function twe_predecessors(ocmw_ids text[]) returns text[]
    language sql stable security definer set search_path = public as $$
    with recursive predecessor (id) as (
        select id from organisation where successor_id = any(ocmw_ids)
        union
        select o.id from organisation o join predecessor p on o.successor_id = p.id)
    select coalesce(array_agg(id), '{}') from predecessor
$$;

create or replace function twe_caller(organisation_id text, on_day date,
                                      out kind text, out acting_for text[], out visible text[], out own text[],
                                      out merged_into text, out merged_on date)
    language plpgsql stable security definer set search_path = public as $$
declare
    mandating text[];
begin
    select o.kind into kind from organisation o
    where o.id = twe_caller.organisation_id and o.valid_from <= on_day and (o.valid_to is null or o.valid_to >= on_day);
    if kind is null then
        select o.successor_id, o.valid_to + 1 into merged_into, merged_on from organisation o
        where o.id = twe_caller.organisation_id and o.successor_id is not null;
        return;
    end if;
    own := '{}';
    visible := array[twe_caller.organisation_id, 'vdab'];
    if kind = 'OCMW' then
        own := array[twe_caller.organisation_id] || twe_predecessors(array[twe_caller.organisation_id]);
        visible := visible || array(select m.cluster_id from mandate m where m.ocmw_id = twe_caller.organisation_id
                                    and m.valid_from <= on_day and (m.valid_to is null or m.valid_to >= on_day));
    end if;
    acting_for := own;
    if kind <> 'VDAB' then
        mandating := array(select m.ocmw_id from mandate m where m.cluster_id = twe_caller.organisation_id
                           and m.valid_from <= on_day and (m.valid_to is null or m.valid_to >= on_day));
        acting_for := acting_for || mandating || twe_predecessors(mandating);
    end if;
    visible := visible || acting_for;
end $$;

-- The one read past the directory: an OCMW names the organisation that will hold its mandate
-- before it may see it (the mandate makes it visible). Returns the holder's kind if it exists on
-- the day and may hold the mandate (a cluster, VDAB, or an OCMW other than this one and those that
-- merged into it), else null.
create or replace function twe_mandate_holder_kind(holder text, ocmw text, on_day date) returns text
    language sql stable security definer set search_path = public as $$
    select o.kind from organisation o
    where o.id = holder and o.valid_from <= on_day and (o.valid_to is null or o.valid_to >= on_day)
      and (o.kind in ('CLUSTER', 'VDAB') or (o.kind = 'OCMW' and o.id not in (select ocmw_and_predecessors(ocmw))))
$$;

-- A mandate names its other party even when that party is outside the caller's directory (an
-- ended mandate, one that starts later): the name and kind of a party of a mandate the caller
-- gave or holds, else null.
create or replace function twe_mandate_party(party text, out name text, out kind text)
    language sql stable security definer set search_path = public as $$
    select o.name, coalesce(o.cluster_kind, o.kind) from organisation o
    where o.id = party
      and (twe_unrestricted() or o.id = twe_organisation()
           or exists (select 1 from mandate m
                      where (m.cluster_id = party and m.ocmw_id = twe_organisation())
                         or (m.ocmw_id = party and m.cluster_id = twe_organisation())))
$$;

create or replace function twe_mandate_party_name(party text) returns text
    language sql stable as $$ select name from twe_mandate_party(party) $$;

create or replace function twe_mandate_party_kind(party text) returns text
    language sql stable as $$ select kind from twe_mandate_party(party) $$;
