-- A technical training lasts at most three months, full-time or part-time: "een door VDAB
-- georganiseerde of erkende voltijdse of deeltijdse opleiding van maximaal drie maanden"
-- (Flemish Parliament, 2021 written question on the POP and the instruments of TWE-OCMW).
-- V6 assumed six months part-time; no source states that.
update instrument_max_duration
set max_months = 3,
    source = 'A technical training, full-time or part-time, lasts at most 3 months (2021 written question).'
where kind = 'TRAINING_TECHNICAL_PART_TIME' and valid_from = date '2017-01-01';
