-- An OCMW whose municipality merged names the OCMW it became part of (issue 19): the successor
-- reads, registers and corrects the predecessor's records dated before the merger, and a token
-- of the predecessor is told whom to ask. Derived from the municipalities' successors (2019 and
-- 2025 mergers).
alter table organisation add column successor_id varchar(64) references organisation (id);
alter table organisation add constraint organisation_successor_after_end
    check (successor_id is null or (valid_to is not null and successor_id <> id));

update organisation o set successor_id = 'ocmw-' || m.successor_nis_code
from municipality m
where o.kind = 'OCMW' and m.nis_code = o.nis_code and m.valid_to = o.valid_to
  and m.successor_nis_code is not null;

create index organisation_successor on organisation (successor_id);

do $$
begin
    -- 15 OCMWs of 2017-2018 and 27 of 2019-2024 merged
    if (select count(*) from organisation where successor_id is not null) <> 42 then
        raise exception 'expected 42 OCMWs with a successor';
    end if;
end $$;
