-- Request-rate buckets shared by every instance on this database (Bucket4j's PostgreSQL back end,
-- select-for-update flavour). The key is the caller and client IP; the state is Bucket4j's own
-- serialised bucket; expires_at (epoch milliseconds) lets full-drained buckets be deleted.
-- On H2 (one embedded instance) the buckets live in memory and this table does not exist.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(512) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
