-- Coach training recorded by VDAB (issue 19): VDAB's trainers record each registration training
-- session and who attended it; a coach counts as trained from the first session attended, never
-- from a date its organisation declares. The dates OCMWs declared before this change are kept
-- as sessions of their own, marked BEFORE_RECORDS.
create table training_session (
    id          uuid        primary key,
    held_on     date        not null,
    title       text        not null check (length(title) between 1 and 200),
    source      varchar(16) not null default 'VDAB' check (source in ('VDAB', 'BEFORE_RECORDS')),
    recorded_by varchar(255) not null, -- the trainer's token subject; 'migration' for BEFORE_RECORDS
    recorded_at timestamptz not null default now()
);

create table training_attendance (
    session_id uuid not null references training_session on delete cascade,
    coach_id   uuid not null references coach on delete cascade,
    primary key (session_id, coach_id)
);
create index training_attendance_coach on training_attendance (coach_id);

-- coach.trained_on is derived from the attendance: what registration checks and the coaches
-- figure read. A change bumps the coach's version, so its ETag and feed entry follow.
create function derive_trained_on() returns trigger language plpgsql as $$
declare
    coach uuid := case when tg_op = 'DELETE' then old.coach_id else new.coach_id end;
begin
    update coach c set trained_on = first.day, version = c.version + 1
    from (select min(s.held_on) as day from training_attendance a join training_session s on s.id = a.session_id
          where a.coach_id = coach) first
    where c.id = coach and c.trained_on is distinct from first.day;
    return null;
end $$;
create trigger training_attendance_trained_on after insert or delete on training_attendance for each row
    execute function derive_trained_on();

insert into training_session (id, held_on, title, source, recorded_by)
select gen_random_uuid(), trained_on, 'Declared by the organisation before VDAB recorded training sessions',
       'BEFORE_RECORDS', 'migration'
from (select distinct trained_on from coach where trained_on is not null) declared;

insert into training_attendance (session_id, coach_id)
select s.id, c.id from coach c join training_session s on s.source = 'BEFORE_RECORDS' and s.held_on = c.trained_on;

do $$
begin
    if exists (select 1 from coach c where c.trained_on is distinct from
               (select min(s.held_on) from training_attendance a join training_session s on s.id = a.session_id
                where a.coach_id = c.id)) then
        raise exception 'a declared training date was not kept as a record';
    end if;
end $$;
