-- Ten times the Flemish TWE-OCMW volume over ten years (2017-2026): 230,000 trajectories spread
-- evenly over every OCMW, ~600,000 instruments, transfers, follow-up actions and plans. Generated
-- in PostgreSQL (setseed makes it repeatable); triggers (change feed, foreign keys) are off for
-- this session only: the data is made consistent by construction.
set session_replication_role = replica;
select setseed(0.42);

create temporary table bench_ocmw as
select (row_number() over (order by id))::int - 1 as n, id from organisation where kind = 'OCMW';

insert into coach (id, organisation_id, name, trained_on)
select gen_random_uuid(), id, 'Benchmark coach', date '2017-01-01' + (n % 2000) from bench_ocmw;

create temporary table bench_trajectory as
select gen_random_uuid() as id, gen_random_uuid() as client_id, n,
       (select id from bench_ocmw o where o.n = t.n % (select count(*) from bench_ocmw)) as ocmw_id,
       date '2017-01-01' + (t.n * 3590 / 230000) as start_date,
       180 + floor(random() * 551)::int as days, random() as r
from generate_series(0, 229999) t(n);

insert into client (id, insz) select client_id, lpad((90000000000 + n)::text, 11, '0') from bench_trajectory;

insert into trajectory (id, ocmw_id, client_id, start_date, end_date, end_reason, end_advice, coach_id,
                        registered_by, on_behalf, at_work_at_measurement, at_work_within_12_months)
select t.id, t.ocmw_id, t.client_id, t.start_date, e.end_date,
       case when e.end_date is not null then (array['WORK_NEC', 'MAX_DURATION_REACHED',
           'INDICATION_SPECIALISED_GUIDANCE', 'INDICATION_CUSTOM_WORK', 'LONG_TRAINING', 'STOPPED_EARLY'])
           [1 + floor(t.r * 6)::int] end,
       case when e.end_date is not null then 'Benchmark advice' end,
       c.id, case when t.n % 50 = 0 then 'vdab' else t.ocmw_id end, t.n % 50 = 0,
       case when e.end_date is not null then t.r < 0.4 end,
       case when e.end_date is not null and e.end_date < date '2025-11-01' then t.r < 0.65 end
from bench_trajectory t
join coach c on c.organisation_id = t.ocmw_id
cross join lateral (select case when t.start_date + t.days < date '2026-11-01' then t.start_date + t.days end
                    as end_date) e;

-- up to three instruments per trajectory in slots of seven months, so they never overlap
insert into instrument (id, trajectory_id, ocmw_id, type, start_date, planned_end_date, end_date, outcome,
                        stop_reason, employer, social_rights_built_up, training_name, training_organiser,
                        training_recognised, training_technical, training_full_time, coach_id, registered_by,
                        on_behalf)
select gen_random_uuid(), s.trajectory_id, s.ocmw_id, s.type, s.start_date, s.planned_end_date,
       s.end_date, case when s.end_date is null then null when s.r < 0.7 then 'COMPLETED'
                        when s.r < 0.95 then 'STOPPED_EARLY' else 'TAKEN_OVER_BY_VDAB' end,
       case when s.end_date is not null and s.r >= 0.7 and s.r < 0.95 then 'Benchmark reason' end,
       case when s.type <> 'TRAINING' then 'Benchmark employer' end,
       case when s.type = 'ART60' then s.r < 0.5 end,
       case when s.type = 'TRAINING' then (array['Basic Dutch', 'Forklift', 'Welding', 'Customer service',
           'Digital skills', 'Cleaning', 'Kitchen assistant', 'Warehouse'])[1 + floor(s.r * 8)::int] end,
       case when s.type = 'TRAINING' then (case when s.r < 0.5 then 'VDAB' else 'PARTNER' end) end,
       case when s.type = 'TRAINING' then true end,
       case when s.type = 'TRAINING' then false end,
       case when s.type = 'TRAINING' then true end,
       s.coach_id, s.registered_by, s.on_behalf
from (
    select t.id as trajectory_id, t.ocmw_id, t.coach_id, t.registered_by, t.on_behalf, slot.start_date,
           (slot.start_date + 30 + floor(random() * 170)::int) as planned_end_date, random() as r,
           case when slot.k < 0.45 then 'ART60' when slot.k < 0.55 and slot.start_date < date '2023-01-01' then 'BVS'
                when slot.k < 0.70 then 'TRAINING' when slot.k < 0.90 then 'WES' else 'IBO' end as type,
           case when slot.start_date + 200 < coalesce(t.end_date, date '2026-11-01')
                then slot.start_date + 30 + floor(random() * 170)::int end as end_date
    from trajectory t
    cross join lateral (select (t.start_date + j * 213 + floor(random() * 10)::int) as start_date, random() as k
                        from generate_series(0, 2) j) slot
    where t.client_id in (select client_id from bench_trajectory)
      and slot.start_date <= coalesce(t.end_date, date '2026-11-01')
) s;

-- a transfer for every trajectory that reached its maximum duration or an indication, a
-- follow-up action for two in three of them, and a plan for nine in ten trajectories
insert into transfer (id, trajectory_id, ocmw_id, reason, channel, transfer_date, status, requested_by)
select gen_random_uuid(), id, ocmw_id, case end_reason when 'MAX_DURATION_REACHED' then 'MAX_DURATION_REACHED'
           else 'INDICATION_SPECIALISED_GUIDANCE' end,
       (array['VEO', 'SPOC_NOTE', 'VDAB_MONITORING', 'SERVICE_LINE'])[1 + floor(random() * 4)::int], end_date,
       'DISPATCHED', ocmw_id
from trajectory where end_reason in ('MAX_DURATION_REACHED', 'INDICATION_SPECIALISED_GUIDANCE');

insert into follow_up_action (id, transfer_id, ocmw_id, type, start_date, recorded_by)
select gen_random_uuid(), tr.id, tr.ocmw_id, 'GUIDANCE', tr.transfer_date + floor(random() * 300)::int, 'vdab'
from transfer tr where random() < 0.67;

insert into document (id, trajectory_id, ocmw_id, kind, title)
select gen_random_uuid(), id, ocmw_id, case when random() < 0.6 then 'POP' else 'GPMI' end, 'Plan'
from trajectory where random() < 0.9;

insert into document_version (id, document_id, trajectory_id, ocmw_id, number, file_name, media_type, size_bytes,
                              sha256, storage_key, uploaded_at, uploaded_by)
select gen_random_uuid(), d.id, d.trajectory_id, d.ocmw_id, 1, 'plan.pdf', 'application/pdf', 1000,
       repeat('0', 64), 'benchmark-' || d.id, (t.start_date + floor(random() * 60)::int)::timestamptz, d.ocmw_id
from document d join trajectory t on t.id = d.trajectory_id;

set session_replication_role = origin;
-- the triggers that mark OCMWs stale were off too
insert into statistics_stale (ocmw_id) select id from organisation where kind = 'OCMW';
analyze;
