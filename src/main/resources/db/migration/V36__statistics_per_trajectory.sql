-- Statistics kept up to date per trajectory (issue 34, ADR 0043): each figure's partials are also
-- kept per trajectory ("parts"), so that a write to one trajectory changes the aggregates by what
-- that trajectory adds now minus what it added before, instead of computing its OCMW again.
-- Parts of events that belong to no trajectory (coaches, helpdesk requests) have none and are
-- computed per OCMW, as before.
alter table statistics_stale add column trajectory_id uuid; -- null: the whole OCMW

do $$
declare
    figure text;
begin
    foreach figure in array array['starts', 'ends', 'instruments', 'target_years', 'trainings', 'transfers',
                                  'follow_ups', 'outcomes', 'helpdesk', 'coaches', 'plans'] loop
        execute format('create table statistics_%1$s_parts (trajectory_id uuid, like statistics_%1$s including defaults)',
                       figure);
        execute format('create index statistics_%1$s_parts_trajectory on statistics_%1$s_parts (trajectory_id)', figure);
        execute format('create index statistics_%1$s_parts_ocmw on statistics_%1$s_parts (ocmw_id)', figure);
    end loop;
end $$;

-- the per-trajectory refresh reads a trajectory's plan and report versions, withdrawn ones too
create index document_version_of_trajectory on document_version (trajectory_id);

-- every OCMW's parts, from the rows recorded before this migration
insert into statistics_stale (ocmw_id) select id from organisation where kind = 'OCMW';
