-- Instances cache who a caller acts for (be.twe.common.tenancy.CallerCache, issue 20). A change of
-- mandates or organisations tells every instance at commit, so that none keeps acting on the
-- old mandates: NOTIFY is delivered to the listening instances when the writing transaction
-- commits, and not at all when it rolls back.
create function notify_caller_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('twe_caller_change', tg_table_name);
    return null;
end $$;

create trigger mandate_caller_change after insert or update or delete or truncate on mandate
    for each statement execute function notify_caller_change();
create trigger organisation_caller_change after insert or update or delete or truncate on organisation
    for each statement execute function notify_caller_change();
