-- Guidance is outsourced to an intermunicipal association or private organisation (a cluster),
-- to VDAB, or to another OCMW (2021 answer on outsourced guidance): any of them holds a mandate.
-- The holder's kind stays in the row, so the foreign key still checks it against the organisation.
alter table mandate drop constraint mandate_cluster_kind_check;
alter table mandate add constraint mandate_holder_kind check (cluster_kind in ('CLUSTER', 'VDAB', 'OCMW'));
alter table mandate add constraint mandate_holder_not_the_ocmw check (cluster_id <> ocmw_id);
comment on column mandate.cluster_id is 'The holder: a cluster, VDAB or another OCMW.';
