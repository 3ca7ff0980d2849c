-- Rules the database keeps whoever writes, one definition each (issue 33): a change is made here,
-- and Flyway applies this file again after the versioned migrations (V4, V22, V23 and V24 defined
-- them first).

-- The audit trail and the access log are append-only, for the application and the tables' owner
-- alike (a versioned migration that must rewrite one disables its trigger around it, as V33).
create or replace function reject_append_only_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end $$;
drop trigger if exists audit_event_append_only on audit_event;
create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function reject_append_only_change();
drop trigger if exists access_log_append_only on access_log;
create trigger access_log_append_only before update or delete or truncate on access_log
    for each statement execute function reject_append_only_change();
-- their first, one per table (V4, V24)
drop function if exists reject_audit_change();
drop function if exists reject_access_log_change();

-- A coach is trained from the first training session it attended (issue 19): no write path can
-- train a coach otherwise.
create or replace function derive_trained_on() returns trigger language plpgsql as $$
declare
    coach uuid := case when tg_op = 'DELETE' then old.coach_id else new.coach_id end;
begin
    update coach c set trained_on = first.day, version = c.version + 1
    from (select min(s.held_on) as day from training_attendance a join training_session s on s.id = a.session_id
          where a.coach_id = coach) first
    where c.id = coach and c.trained_on is distinct from first.day;
    return null;
end $$;
drop trigger if exists training_attendance_trained_on on training_attendance;
create trigger training_attendance_trained_on after insert or delete on training_attendance for each row
    execute function derive_trained_on();

-- Instances cache who a caller acts for (CallerCache): a change of mandates or organisations tells
-- every instance at commit, and not at all when it rolls back.
create or replace function notify_caller_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('twe_caller_change', tg_table_name);
    return null;
end $$;
drop trigger if exists mandate_caller_change on mandate;
create trigger mandate_caller_change after insert or update or delete or truncate on mandate
    for each statement execute function notify_caller_change();
drop trigger if exists organisation_caller_change on organisation;
create trigger organisation_caller_change after insert or update or delete or truncate on organisation
    for each statement execute function notify_caller_change();
