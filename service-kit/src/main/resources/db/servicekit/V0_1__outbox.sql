-- Transactional outbox shared by every service (service-kit). Rows are written in the same transaction as the
-- state change they announce and published to Kafka by the relay, in id order per message key.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,            -- global append order; per key it is the publish order
    message_id      uuid        NOT NULL UNIQUE,        -- envelope messageId, the consumers' dedupe key
    topic           text        NOT NULL,
    message_key     text        NOT NULL,               -- Kafka key (vmId, nodeName): order is kept per key
    payload         bytea       NOT NULL,               -- the encoded envelope, published byte for byte
    headers         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);

-- The relay only ever reads unsent rows; these stay small however large the table grows.
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_unsent_by_key ON outbox (message_key, id) WHERE sent_at IS NULL;
-- Purging sent rows after the retention period.
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
