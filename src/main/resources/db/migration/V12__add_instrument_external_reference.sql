-- Instruments, like trajectories, can be addressed by the registering organisation's own reference.
alter table instrument add column external_reference varchar(100);
alter table instrument add constraint instrument_registered_by_external_reference_key
    unique (registered_by, external_reference);
