-- What the application's role may do (issue 30, ADR 0033). Flyway migrates as the tables' owner;
-- the application connects as ${app_role} (quarkus.datasource.username), which owns nothing and
-- cannot bypass row-level security: it reads and writes rows, never the schema. The tables'
-- owner gives the same rights on every table a later migration creates.
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- Documents stored before the application had a role of its own belong to the owner: the
-- application reads them and retention unlinks them, which takes their ownership.
do $$
declare
    stored oid;
begin
    for stored in select m.oid from pg_largeobject_metadata m
                  where m.lomowner <> (select r.oid from pg_roles r where r.rolname = '${app_role}') loop
        execute format('alter large object %s owner to %I', stored, '${app_role}');
    end loop;
end $$;
