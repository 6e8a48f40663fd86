-- What the lifecycle adapters need beside the baseline: observed generations, a DELETED desired state, the
-- operation's requester and generation, processed event ids and stored idempotent responses.

-- The node reports the generation it has applied; reports older than what was applied are ignored.
ALTER TABLE vms ADD COLUMN observed_generation bigint NOT NULL DEFAULT 0 CHECK (observed_generation >= 0);
ALTER TABLE vms ADD COLUMN observed_at timestamptz;

-- DELETED: the user asked for removal; the row stays (status DELETING) until the node confirms.
ALTER TABLE vms DROP CONSTRAINT vms_desired_power_state_check;
ALTER TABLE vms ADD CONSTRAINT vms_desired_power_state_check
    CHECK (desired_power_state IN ('RUNNING', 'STOPPED', 'PAUSED', 'DELETED'));

-- Placement sums what is allocated per node; unplaced PENDING VMs are retried when capacity appears.
CREATE INDEX vms_unplaced ON vms (created_at) WHERE node_name IS NULL;

ALTER TABLE operations DROP CONSTRAINT operations_action_check;
ALTER TABLE operations ADD CONSTRAINT operations_action_check
    CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'START', 'STOP', 'FORCE_STOP', 'PAUSE', 'RESUME', 'RESET',
                      'REBOOT', 'SNAPSHOT_CREATE', 'SNAPSHOT_RESTORE', 'SNAPSHOT_DELETE'));
-- who asked (the token's subject), for the VM's operation log
ALTER TABLE operations ADD COLUMN requested_by text NOT NULL DEFAULT '';
-- the VM's generation right after the request: only a node that applied it can finish the operation
ALTER TABLE operations ADD COLUMN generation bigint NOT NULL DEFAULT 1;
-- the last command sent for the operation; a command result naming it finishes one-shot actions
ALTER TABLE operations ADD COLUMN command_message_id uuid;
-- open operations of a VM are re-evaluated on every status report
CREATE INDEX operations_vm_open ON operations (vm_id) WHERE status IN ('PENDING', 'RUNNING');

-- Events already applied: a redelivered message finds its id here and is skipped (same transaction as the effect).
CREATE TABLE processed_messages (
    message_id   uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_messages_at ON processed_messages (processed_at);

-- Idempotency-Key: the first successful response per (tenant, key), replayed for a retry of the same request.
CREATE TABLE idempotency_keys (
    tenant_id        text        NOT NULL,
    idempotency_key  text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash     text        NOT NULL,
    response_status  integer     NOT NULL,
    response_headers jsonb       NOT NULL DEFAULT '{}'::jsonb,
    response_body    bytea       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
