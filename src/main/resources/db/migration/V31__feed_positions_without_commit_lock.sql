-- Feed positions without the commit lock (issue 31, ADR 0008 amended). Until now every fed write
-- took one advisory lock at commit, so fed writes committed one at a time.
--
-- A position is now given when the entry is written: the writing transaction's id (xid8) times
-- 2^20, plus the entry's number within its transaction. Readers only read the entries of
-- transactions older than every transaction still running (xid < pg_snapshot_xmin of their
-- snapshot): those transactions are final, and every transaction still running or yet to start
-- has a larger id, so its entries get larger positions. A reader that remembers the last position
-- it read never skips an entry and never reads one twice; entries of one transaction are
-- consecutive. The price: an entry is readable only once every transaction that began writing
-- before it has ended (statement_timeout and idle_in_transaction_session_timeout bound that).
drop trigger change_event_position on change_event;

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

create trigger change_event_position before insert on change_event
    for each row execute function assign_change_position();

-- Positions given so far came from a sequence: every new one must be larger.
do $$
begin
    if (select coalesce(max(position), 0) from change_event) >= (pg_current_xact_id()::text::bigint << 20) then
        raise exception 'existing feed positions reach beyond the first transaction-based position';
    end if;
end $$;
drop sequence change_position;

-- Every entry has its position from the moment it is written.
alter table change_event alter column position set not null;

-- The one definition of a final entry, and the last position a reader can read now (as the
-- caller: row-level security decides whose entries count).
create function feed_final(entry_xid xid8) returns boolean language sql stable parallel safe as $$
    select entry_xid < pg_snapshot_xmin(pg_current_snapshot())
$$;
create function feed_last_position() returns bigint language sql stable parallel safe as $$
    select coalesce(max(position), 0) from change_event where feed_final(xid)
$$;
