-- Which plan an OCMW draws up at the start of guidance, and why when it is not the POP (2021
-- question: "why does an OCMW use another plan than the POP"). The reason is a code, so that it
-- can be counted; the text says more where the code is OTHER.
create table plan_method (
    ocmw_id     varchar(64) primary key references organisation,
    method      varchar(16) not null check (method in ('POP', 'GPMI', 'OTHER_PLAN')),
    reason      varchar(32) check (reason in ('GPMI_ALREADY_REQUIRED', 'CASE_SYSTEM_TEMPLATE', 'CLUSTER_METHOD',
                                              'OTHER')),
    reason_text text check (length(reason_text) between 1 and 2000),
    version     bigint      not null default 0,
    updated_at  timestamptz not null default now(),
    constraint plan_method_reason_unless_pop check ((method = 'POP') = (reason is null)),
    constraint plan_method_other_needs_text check (reason is distinct from 'OTHER' or reason_text is not null)
);

create trigger plan_method_statistics_insert after insert on plan_method referencing new table as changed
    for each statement execute function mark_statistics_stale('ocmw_id');
create trigger plan_method_statistics_update after update on plan_method referencing new table as changed
    for each statement execute function mark_statistics_stale('ocmw_id');
create trigger plan_method_statistics_delete after delete on plan_method referencing old table as changed
    for each statement execute function mark_statistics_stale('ocmw_id');

-- The plan figure by the OCMW's method and reason (NOT_RECORDED and NONE until it says).
alter table statistics_plans drop constraint statistics_plans_pkey;
alter table statistics_plans
    add column plan_method        varchar(16) not null default 'NOT_RECORDED',
    add column plan_method_reason varchar(32) not null default 'NONE';
alter table statistics_plans add primary key (ocmw_id, year, plan_method, plan_method_reason);
