-- Rollups (issue 34, ADR 0044): a figure with lists (durations, client or transfer ids) answered
-- for the whole of Flanders from one row per group, kept for each grouping asked for, instead of
-- reading every duration and id of the aggregates on each call. A rollup is built at the first
-- call of its grouping and changed afterwards by the parts a refresh replaces (ADR 0043).
create table statistics_rollup (
    id             bigint generated always as identity primary key,
    figure         varchar(64)  not null, -- the aggregate table
    grouping       varchar(200) not null, -- the grouping's SQL expressions, comma-separated
    municipalities varchar(16)  not null, -- AT_EVENT, MERGED_2019 or MERGED_2025
    scope          varchar(40)  not null, -- filters that cut through its groups: fromYear;toYear;province;nisCode
    definition     varchar(64)  not null, -- the figure's definition it was built for
    used_on        date         not null default current_date, -- the last day a call read it
    unique (figure, grouping, municipalities, scope)
);

-- One group of a rollup: the grouping's values as text, the figure's counts (its partials that
-- are not lists, in their order) summed, the durations as counts per whole day (days[d]: how many
-- lasted d days) with their median, and the distinct ids of each other list.
create table statistics_rollup_group (
    rollup_id bigint   not null references statistics_rollup on delete cascade,
    key       text[]   not null,
    counts    bigint[] not null,
    days      int[]    not null default '{}',
    median    double precision,
    distincts bigint[] not null default '{}',
    primary key (rollup_id, key)
);

-- The ids of a group's lists, each with how many of the group's parts hold it: an id is gone from
-- the group when the last one does.
create table statistics_rollup_member (
    rollup_id bigint   not null references statistics_rollup on delete cascade,
    key       text[]   not null,
    list      smallint not null, -- the list's position among the figure's lists of ids
    member    uuid     not null,
    n         int      not null,
    primary key (rollup_id, key, list, member)
);
-- the ids whose last part went, removed when the groups are settled
create index statistics_rollup_member_gone on statistics_rollup_member (rollup_id) where n = 0;

-- The groups a refresh changed and has yet to settle (median, removal when empty);
-- empty between refreshes, which run one at a time.
create table statistics_rollup_touched (
    rollup_id bigint not null references statistics_rollup on delete cascade,
    key       text[] not null,
    primary key (rollup_id, key)
);
