-- The access log holds one row per read and OCMW (issue 30), the records read as aligned arrays:
-- a page of 50 trajectories wrote 50 rows, an export 20,000, each with a random entry in a
-- b-tree on trajectory_id that grew to a third of the table (376 MB after one benchmark run) and
-- made every insert touch a page out of the cache. A GIN index on the arrays is a twentieth of
-- that size and takes new entries in its pending list.
--
-- An entry keeps an id of its own: the row's id plus its place in the row. Row ids are taken in
-- steps of 1024 above every id written before, so the entries of before keep theirs (their rows
-- hold one record at place 0) and no two entries share one. A row holds at most 1024 records.
alter table access_log disable trigger access_log_append_only;
alter table access_log add column trajectory_ids uuid[], add column resource_ids text[];
update access_log set trajectory_ids = array[trajectory_id], resource_ids = array[resource_id];
alter table access_log
    alter column trajectory_ids set not null,
    alter column resource_ids set not null,
    drop column trajectory_id,
    drop column resource_id,
    add constraint access_log_aligned check (cardinality(trajectory_ids) between 1 and 1024
                                             and cardinality(resource_ids) = cardinality(trajectory_ids));
alter table access_log enable trigger access_log_append_only;
create index access_log_trajectories on access_log using gin (trajectory_ids);

do $$
begin
    execute format('alter sequence access_log_id_seq increment by 1024 restart with %s',
                   ((select coalesce(max(id), 0) from access_log) / 1024 + 1) * 1024);
end $$;
comment on column access_log.id is 'The id of the row''s first entry; the n-th (from 0) has id + n';
