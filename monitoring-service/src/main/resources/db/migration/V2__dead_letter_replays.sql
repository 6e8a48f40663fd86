-- Dead letters an operator replayed through the admin API (/api/v1/dead-letters/{topic}/replays): one row per dead
-- letter, written before it is republished. The primary key is the guard: a second click, or a second replica,
-- finds the row and replays nothing twice (unless the operator forces it). Rows are few (operator actions) and kept.
CREATE TABLE dead_letter_replays (
    dlt_topic     text        NOT NULL,
    dlt_partition integer     NOT NULL CHECK (dlt_partition >= 0),
    dlt_offset    bigint      NOT NULL CHECK (dlt_offset >= 0),
    replayed_at   timestamptz NOT NULL,
    -- the token subject of the admin who replayed it
    replayed_by   text        NOT NULL,
    PRIMARY KEY (dlt_topic, dlt_partition, dlt_offset)
);
