-- Retention (issue 21, ADR 0031): trajectories that ended more than the retention period ago are
-- pseudonymised. Their free texts are replaced by a marker, their documents' content is erased,
-- and the client's INSZ gives way to a keyed hash once none of the client's trajectories is still
-- within the period. Everything the statistics and funding count is left as it is.
alter table client alter column insz drop not null;
alter table client add column pseudonym varchar(64) check (pseudonym ~ '^[0-9a-f]{64}$');
alter table client add constraint client_insz_or_pseudonym check ((insz is null) <> (pseudonym is null));
create index client_pseudonym on client (pseudonym);

alter table trajectory add column pseudonymised_at timestamptz;
create index trajectory_to_pseudonymise on trajectory (end_date) where pseudonymised_at is null and end_date is not null;

alter table document_version add column erased_at timestamptz;
