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
-- Step 1 (this file): the rules exist and are proved at the database level
-- (TenancyPolicyTest). Row-level security is enabled but not forced, so the tables' owner, as
-- which the application still connects, is not yet held by it; step 2 moves the application to
-- a role of its own and forces it (ADR 0033).

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
                             'statistics_helpdesk', 'statistics_coaches', 'statistics_plans'] loop
        execute format('alter table %I enable row level security', t);
        execute format('drop policy if exists acting_for on %I', t);
        execute format('create policy acting_for on %I using (twe_unrestricted()'
                       ' or ocmw_id = any(twe_setting_list(''twe.acting_for'')))', t);
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
        execute format('drop policy if exists own_organisation on %I', t);
        execute format('create policy own_organisation on %I using (twe_unrestricted()'
                       ' or organisation_id = twe_organisation())', t);
    end loop;
end $$;

-- The audit trail: read by the organisation itself. A change is audited for every organisation it
-- concerns, so a caller writes entries for itself, for the OCMWs it acts for (a cluster's
-- transfer step), and for the other party of a mandate it gave or holds.
alter table audit_event enable row level security;
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
drop policy if exists visible_organisation on organisation;
create policy visible_organisation on organisation
    using (twe_unrestricted() or id = any(twe_setting_list('twe.visible')));

-- Mandates the caller gave or holds.
alter table mandate enable row level security;
drop policy if exists own_mandate on mandate;
create policy own_mandate on mandate
    using (twe_unrestricted() or cluster_id = twe_organisation() or ocmw_id = twe_organisation());

-- Who read a client's file is the OCMW's own record (and VDAB's), not its cluster's.
alter table access_log enable row level security;
drop policy if exists own_files on access_log;
create policy own_files on access_log
    using (twe_unrestricted() or ocmw_id = any(twe_setting_list('twe.own')));

-- The change feed: an OCMW's records to whoever acts for it, an organisation's own to itself,
-- and the visibility entries addressed to one organisation to it alone (not to VDAB, whose view
-- did not change).
alter table change_event enable row level security;
drop policy if exists feed_scope on change_event;
create policy feed_scope on change_event for select
    using ((addressee is null
            and (twe_unrestricted()
                 or (scope = 'OCMW' and organisation_id = any(twe_setting_list('twe.acting_for')))
                 or (scope = 'OWN' and organisation_id = twe_organisation())))
           or addressee = twe_organisation());

-- The feed is written only by its triggers and functions, whoever's change it is (a mandate's
-- entries are the OCMW's and the cluster's): they run as the tables' owner, and the caller has no
-- policy to write change_event itself.
alter function record_change() security definer set search_path = public;
alter function record_mandate_change() security definer set search_path = public;
alter function assign_change_position() security definer set search_path = public;
alter function record_pair_visibility(text, text, boolean) security definer set search_path = public;
alter function record_visibility_changes(date) security definer set search_path = public;
