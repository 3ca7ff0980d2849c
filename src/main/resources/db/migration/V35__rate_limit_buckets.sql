-- One rate limit shared by every instance (issue 32, ADR 0039): each organisation's token bucket
-- lives here, in the format of Bucket4j's PostgreSQL proxy manager (select for update). An
-- instance serves up to twe.rate-limit.unsynced-requests from its copy before it writes back what
-- it spent and reads what the others spent. The key is the organisation's id with the quota; the
-- state holds counts and times only. Not tenant data, so no row-level security: the application's
-- role reads and writes every row.
create table rate_limit_bucket (
    bucket_key text primary key,
    state      bytea
);
