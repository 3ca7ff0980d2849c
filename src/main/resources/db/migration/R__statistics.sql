-- The statistics' functions, triggers and views, one definition each (issue 33): a change is made
-- here, and Flyway applies this file again after the versioned migrations (V16, V19, V27, V29 and
-- V30 defined earlier versions). Statistics are answered from yearly partial aggregates per OCMW
-- (ADR 0014); a write marks its trajectories (or its OCMW) stale in the same transaction (append
-- only, so writers never wait on each other), and a statistics call first brings the aggregates
-- up to those marks (ADR 0043).

-- arguments: the column naming the OCMW (a coach's organisation may also be a cluster: harmless)
-- and the expression naming the trajectory whose figures the write changes, or null for the
-- whole OCMW's (ADR 0043)
create or replace function mark_statistics_stale() returns trigger language plpgsql as $$
begin
    execute format('insert into statistics_stale (ocmw_id, source, trajectory_id) select distinct %I, %L, %s'
                   ' from changed', tg_argv[0], tg_table_name, tg_argv[1]);
    return null;
end $$;

-- The tables whose writes make figures stale, with the column naming the OCMW and the writes
-- that count. PostgreSQL allows a transition table only on a trigger for a single event: one
-- trigger per table and event.
do $$
declare
    source record;
    event  text;
begin
    for source in select * from (values
        ('trajectory', 'ocmw_id', 'id', array['insert', 'update', 'delete']),
        ('instrument', 'ocmw_id', 'trajectory_id', array['insert', 'update', 'delete']),
        ('transfer', 'ocmw_id', 'trajectory_id', array['insert', 'update', 'delete']),
        ('follow_up_action', 'ocmw_id',
         '(select t.trajectory_id from transfer t where t.id = changed.transfer_id)', array['insert', 'update', 'delete']),
        ('document', 'ocmw_id', 'trajectory_id', array['insert', 'update', 'delete']),
        ('document_version', 'ocmw_id', 'trajectory_id', array['insert', 'update', 'delete']),
        ('coach', 'organisation_id', 'null::uuid', array['insert', 'update', 'delete']),
        ('plan_method', 'ocmw_id', 'null::uuid', array['insert', 'update', 'delete']),
        ('helpdesk_request', 'ocmw_id', 'null::uuid', array['insert', 'update']),
        ('helpdesk_request_registration', 'ocmw_id', 'null::uuid', array['insert'])
    ) as t(tab, ocmw_column, trajectory, events) loop
        foreach event in array source.events loop
            execute format('drop trigger if exists %1$s_statistics_%2$s on %1$s', source.tab, event);
            execute format('create trigger %1$s_statistics_%2$s after %2$s on %1$s referencing %3$s table as changed'
                           ' for each statement execute function mark_statistics_stale(%4$L, %5$L)', source.tab, event,
                           case event when 'delete' then 'old' else 'new' end, source.ocmw_column, source.trajectory);
        end loop;
    end loop;
end $$;

-- Lists of durations and ids (ADR 0043) are multisets: concatenated when a trajectory's parts are
-- added or a group is answered, taken out one element per element when its parts are replaced.
-- Distinct persons cannot be added up over OCMWs and years: an answer counts the distinct ids of
-- its group's lists (exact, also for a client of two OCMWs or two trajectories).
drop aggregate if exists uuid_union_agg(uuid[]); -- V27's, for uuid[] only: array_cat_agg is the one
create or replace aggregate array_cat_agg(anycompatiblearray) (sfunc = array_cat, stype = anycompatiblearray,
                                                               initcond = '{}');
create or replace function distinct_count(ids uuid[]) returns bigint language sql immutable parallel safe as $$
    select count(distinct id) from unnest(ids) id
$$;
create or replace function array_minus(elements anycompatiblearray, removed anycompatiblearray)
    returns anycompatiblearray language sql immutable parallel safe as $$
    select array(select unnest(elements) except all select unnest(removed))
$$;

-- Durations as counts per whole day (ADR 0044): h[d] is how many lasted d days (a duration counts
-- its end day, so it is at least 1: instrument's check). Exact medians over a group without
-- reading its durations one by one: a walk over at most as many counts as the longest duration.
create or replace function histogram_of(durations int[], sign int) returns int[] language sql immutable parallel safe as $$
    select coalesce(array_agg(coalesce(c.n, 0) * sign order by d), '{}')
    from generate_series(1, (select max(v) from unnest(durations) v)) d
    left join (select v, count(*)::int as n from unnest(durations) v group by v) c on c.v = d
$$;
create or replace function histogram_add(a int[], b int[]) returns int[] language sql immutable parallel safe as $$
    select coalesce(array_agg(coalesce(a[d], 0) + coalesce(b[d], 0) order by d), '{}')
    from generate_series(1, greatest(coalesce(array_length(a, 1), 0), coalesce(array_length(b, 1), 0))) d
$$;
-- percentile_cont(0.5) of the durations: the middle one, or halfway between the two middle ones
create or replace function histogram_median(h int[]) returns double precision language sql immutable parallel safe as $$
    with running as (
        select d, sum(n) over (order by d) as upto, sum(n) over () as total
        from unnest(h) with ordinality u(n, d) where n > 0)
    select (min(d) filter (where upto >= (total + 1) / 2) + min(d) filter (where upto >= total / 2 + 1))::double precision / 2
    from running
$$;
create or replace function array_add(a bigint[], b bigint[]) returns bigint[] language sql immutable parallel safe as $$
    select coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) order by i), '{}')
    from unnest(a, b) with ordinality u(x, y, i)
$$;

-- The municipality an OCMW's figures fall under in a year (the version valid in that year, or the
-- nearest one for years before the first version), the 2019-2024 one it was part of
-- (MERGED_2019: for events before 2019; events from 2019 on stay where they happened) and the
-- current one it became through any number of mergers (MERGED_2025). A versioned migration that
-- changes municipalities refreshes it (refresh materialized view municipality_year) and deletes
-- the rollups (ADR 0044), which place their groups through it.
drop materialized view if exists municipality_year;
create materialized view municipality_year as
with recursive years as (select generate_series(2000, 2100) as year),
at_year as (
    select distinct on (m.nis_code, y.year) m.nis_code, y.year, m.name, m.province_nis_code
    from municipality m cross join years y
    order by m.nis_code, y.year,
             (extract(year from m.valid_from) <= y.year
                  and (m.valid_to is null or extract(year from m.valid_to) >= y.year)) desc,
             abs(extract(year from m.valid_from) - y.year)),
-- every code and what it became, merger after merger (Puurs 2018 -> Puurs-Sint-Amands 2019)
became (nis_code, current_code, depth) as (
    select distinct nis_code, nis_code, 0 from municipality
    union all
    select b.nis_code, latest.successor_nis_code, b.depth + 1
    from became b
    cross join lateral (select m.successor_nis_code from municipality m where m.nis_code = b.current_code
                        order by m.valid_from desc limit 1) latest
    where latest.successor_nis_code is not null
),
became_last as (
    select distinct on (nis_code) nis_code, current_code from became order by nis_code, depth desc
),
-- the code valid on 2019-01-01 of a code of 2017-2018: its successor if it merged then, else itself
code_2019 as (
    select c.nis_code, coalesce(m.successor_nis_code, c.nis_code) as nis_code_2019
    from (select distinct nis_code from municipality) c
    left join municipality m on m.nis_code = c.nis_code and m.valid_to = date '2018-12-31'
),
latest_version as (
    select distinct on (nis_code) nis_code, name, province_nis_code from municipality
    order by nis_code, valid_from desc
)
select a.nis_code, a.year,
       a.nis_code as at_event_nis_code, a.name as at_event_name,
       a.province_nis_code as at_event_province_nis_code, ap.name as at_event_province_name,
       m19.nis_code as merged_2019_nis_code, m19.name as merged_2019_name,
       m19.province_nis_code as merged_2019_province_nis_code, p19.name as merged_2019_province_name,
       merged.nis_code as merged_nis_code, merged.name as merged_name,
       merged.province_nis_code as merged_province_nis_code, mp.name as merged_province_name
from at_year a
join province ap on ap.nis_code = a.province_nis_code
join became_last bl on bl.nis_code = a.nis_code
join latest_version merged on merged.nis_code = bl.current_code
join province mp on mp.nis_code = merged.province_nis_code
join code_2019 c19 on c19.nis_code = a.nis_code
-- before 2019 the 2019-2024 municipality it became; from 2019 on where the event happened
join at_year m19 on m19.nis_code = case when a.year < 2019 then c19.nis_code_2019 else a.nis_code end
                and m19.year = greatest(a.year, 2019)
join province p19 on p19.nis_code = m19.province_nis_code;
create unique index municipality_year_key on municipality_year (nis_code, year);

-- The rollups place their groups through municipality_year, made again above: they are built
-- again at their next call (ADR 0044).
delete from statistics_rollup;
