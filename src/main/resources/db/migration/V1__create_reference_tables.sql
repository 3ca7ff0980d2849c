-- Reference data: provinces, municipalities (REFNIS) with validity periods,
-- organisations (OCMWs, clusters, VDAB) and the cluster mandates.
create extension if not exists btree_gist;

create table province (
    nis_code varchar(5) primary key,
    name     text    not null unique
);

-- One row per version of a municipality: a code that kept its name and province
-- over the 2025 mergers is one row valid from 2019 on.
create table municipality (
    nis_code           varchar(5) not null check (nis_code ~ '^[0-9]{5}$'),
    valid_from         date    not null,
    valid_to           date,
    name               text    not null,
    province_nis_code  varchar(5) not null references province,
    successor_nis_code varchar(5),
    primary key (nis_code, valid_from),
    check (valid_to is null or valid_to >= valid_from),
    exclude using gist (nis_code with =, daterange(valid_from, valid_to, '[]') with &&)
);

create table organisation (
    id                varchar(64) primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    kind              varchar(16) not null check (kind in ('OCMW', 'CLUSTER', 'VDAB')),
    name              text        not null,
    nis_code          varchar(5),
    province_nis_code varchar(5) references province,
    cluster_kind      varchar(16) check (cluster_kind in ('INTERMUNICIPAL', 'PRIVATE')),
    valid_from        date        not null,
    valid_to          date,
    unique (id, kind),
    check ((kind = 'OCMW') = (nis_code is not null)),
    check ((kind = 'CLUSTER') = (cluster_kind is not null)),
    check (valid_to is null or valid_to >= valid_from)
);
create index organisation_nis_code on organisation (nis_code);

-- The kind columns let foreign keys guarantee that a mandate links a cluster to an OCMW.
create table mandate (
    id           bigserial primary key,
    cluster_id   varchar(64) not null,
    cluster_kind varchar(16) not null default 'CLUSTER' check (cluster_kind = 'CLUSTER'),
    ocmw_id      varchar(64) not null,
    ocmw_kind    varchar(16) not null default 'OCMW' check (ocmw_kind = 'OCMW'),
    valid_from   date        not null,
    valid_to     date,
    foreign key (cluster_id, cluster_kind) references organisation (id, kind),
    foreign key (ocmw_id, ocmw_kind) references organisation (id, kind),
    check (valid_to is null or valid_to >= valid_from),
    exclude using gist (cluster_id with =, ocmw_id with =, daterange(valid_from, valid_to, '[]') with &&)
);
create index mandate_ocmw on mandate (ocmw_id);
