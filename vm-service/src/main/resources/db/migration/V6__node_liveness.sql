-- Node liveness and overcommit (ADR 0012). vm-service keeps every node it has heard of: the facts of its newest
-- heartbeat, whether it is READY, and what an admin set. The READY -> NOT_READY transition is taken once, by
-- whichever replica locks the row first, and marks the node's VMs UNKNOWN in the same transaction.
CREATE TABLE nodes (
    name                  text             PRIMARY KEY CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    state                 text             NOT NULL CHECK (state IN ('READY', 'NOT_READY')),
    state_changed_at      timestamptz      NOT NULL,
    -- sentAt of the newest heartbeat (the agent's clock); an older, replayed heartbeat changes nothing
    last_heartbeat_at     timestamptz      NOT NULL,
    capacity_vcpus        integer          NOT NULL DEFAULT 0 CHECK (capacity_vcpus >= 0),
    capacity_memory_mb    bigint           NOT NULL DEFAULT 0 CHECK (capacity_memory_mb >= 0),
    capacity_disk_gb      bigint           NOT NULL DEFAULT 0 CHECK (capacity_disk_gb >= 0),
    allocatable_vcpus     integer          NOT NULL DEFAULT 0 CHECK (allocatable_vcpus >= 0),
    allocatable_memory_mb bigint           NOT NULL DEFAULT 0 CHECK (allocatable_memory_mb >= 0),
    allocatable_disk_gb   bigint           NOT NULL DEFAULT 0 CHECK (allocatable_disk_gb >= 0),
    kvm_available         boolean          NOT NULL DEFAULT false,
    qemu_version          text,
    agent_version         text             NOT NULL DEFAULT '',
    -- admin decisions: no new placements; draining implies cordoned
    cordoned              boolean          NOT NULL DEFAULT false,
    draining              boolean          NOT NULL DEFAULT false,
    -- per-node overcommit ratios; NULL means the configured default (voidvm.vm.placement.*)
    cpu_overcommit        double precision CHECK (cpu_overcommit BETWEEN 0.1 AND 64),
    memory_overcommit     double precision CHECK (memory_overcommit BETWEEN 0.1 AND 4),
    version               bigint           NOT NULL DEFAULT 0,
    CONSTRAINT nodes_draining_is_cordoned CHECK (cordoned OR NOT draining)
);
-- the liveness sweep looks for READY nodes with an old heartbeat
CREATE INDEX nodes_ready_heartbeat ON nodes (last_heartbeat_at) WHERE state = 'READY';

-- Nodes that already hold VMs start READY as of now, with no facts until their next heartbeat: a live node keeps
-- its VMs as they are, a node that died before this migration is found lost after the grace period.
INSERT INTO nodes (name, state, state_changed_at, last_heartbeat_at)
SELECT DISTINCT node_name, 'READY', now(), now() FROM vms WHERE node_name IS NOT NULL;

-- UNKNOWN: the VM's node is NOT_READY, so nobody knows what the VM does. Set by vm-service only.
ALTER TABLE vms DROP CONSTRAINT vms_status_check;
ALTER TABLE vms ADD CONSTRAINT vms_status_check
    CHECK (status IN ('PENDING', 'STOPPED', 'STARTING', 'RUNNING', 'PAUSED', 'STOPPING', 'ERROR', 'DELETING',
                      'UNKNOWN'));

-- FORCE_DELETE: an admin removed a VM of a lost node at once.
ALTER TABLE operations DROP CONSTRAINT operations_action_check;
ALTER TABLE operations ADD CONSTRAINT operations_action_check
    CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'FORCE_DELETE', 'START', 'STOP', 'FORCE_STOP', 'PAUSE',
                      'RESUME', 'RESET', 'REBOOT', 'SNAPSHOT_CREATE', 'SNAPSHOT_RESTORE', 'SNAPSHOT_DELETE'));
