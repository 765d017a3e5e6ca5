-- Request-rate buckets shared by every instance on this database, one row a caller and client IP,
-- taken with one atomic upsert (docs/decisions.md, 140). They replace Bucket4j's table, whose
-- serialised state needed a locked read and a write in a transaction per call; a bucket lost here
-- only starts afresh. room: free room in millionths of a request; refilled_at: epoch microseconds.
-- No index but the key's, so that the constant updates of a busy key stay heap-only (HOT), with
-- room left in each page for them.
DROP TABLE rate_limit_bucket;

CREATE TABLE request_bucket (
    id          VARCHAR(512) NOT NULL PRIMARY KEY,
    room        BIGINT       NOT NULL,
    refilled_at BIGINT       NOT NULL
) WITH (fillfactor = 70);
