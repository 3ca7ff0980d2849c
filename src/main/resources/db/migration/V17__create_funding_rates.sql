-- What VDAB pays an OCMW from its registrations (issue 7, ADR 0015): reference data with validity
-- dates, never constants in code. The rate valid on a month's last day applies to that month.
create table funding_rate (
    kind          varchar(32)   not null check (kind in ('EFFORT_FEE', 'ART60_COMPENSATION',
                                                         'ART60_COMPENSATION_DEFERRED')),
    valid_from    date          not null,
    valid_to      date,
    monthly_amount numeric(10, 2) not null check (monthly_amount >= 0),
    cap_per_year  numeric(10, 2) check (cap_per_year >= 0), -- per trajectory and calendar year
    cap_months    int           check (cap_months > 0),      -- per trajectory
    source        text          not null,
    primary key (kind, valid_from),
    check (valid_to is null or valid_to >= valid_from),
    exclude using gist (kind with =, daterange(valid_from, valid_to, '[]') with &&)
);

insert into funding_rate (kind, valid_from, valid_to, monthly_amount, cap_per_year, cap_months, source) values
    ('EFFORT_FEE', '2017-01-01', null, 250.00, 3000.00, 24,
     'Effort fee per month with a valid TWE registration with guidance on its last day; at most 3,000 a year and 24 months.'),
    ('ART60_COMPENSATION', '2017-01-01', null, 150.00, null, null,
     'Compensation per month of art. 60 §7 employment: 150 of the 195 paid in the quarter.'),
    ('ART60_COMPENSATION_DEFERRED', '2017-01-01', null, 45.00, null, null,
     'Compensation per month of art. 60 §7 employment: 45 of the 195 paid after the guidance ends.');
