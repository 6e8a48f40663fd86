-- vm-service baseline: the desired state of VMs and the log of operations on them.
-- Tenant ids are text: they are the Keycloak `tenant` claim (e.g. 'demo'), owned by auth-service.

CREATE TABLE vms (
    id                  uuid        PRIMARY KEY,
    tenant_id           text        NOT NULL,
    name                text        NOT NULL CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    description         text        NOT NULL DEFAULT '',
    cpu_cores           integer     NOT NULL CHECK (cpu_cores >= 1),
    memory_mb           bigint      NOT NULL CHECK (memory_mb >= 1),
    disk_size_gb        integer     NOT NULL CHECK (disk_size_gb >= 1),
    image_id            uuid,
    network_ids         uuid[]      NOT NULL DEFAULT '{}',
    os_type             text        NOT NULL,
    -- what the user asked for; node agents converge on it
    desired_power_state text        NOT NULL DEFAULT 'STOPPED'
                                    CHECK (desired_power_state IN ('RUNNING', 'STOPPED', 'PAUSED')),
    -- what the node agent last reported
    status              text        NOT NULL DEFAULT 'PENDING'
                                    CHECK (status IN ('PENDING', 'STOPPED', 'STARTING', 'RUNNING', 'PAUSED',
                                                      'STOPPING', 'ERROR', 'DELETING')),
    status_reason       text,
    node_name           text,
    -- bumped on every change of spec or desired state, so agents can drop stale commands
    generation          bigint      NOT NULL DEFAULT 1,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vms_name_per_tenant UNIQUE (tenant_id, name)
);

-- cursor paging of a tenant's VMs, newest first or oldest first
CREATE INDEX vms_tenant_created ON vms (tenant_id, created_at, id);
-- resync of one node's desired state
CREATE INDEX vms_node ON vms (node_name) WHERE node_name IS NOT NULL;

CREATE TABLE operations (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    -- no foreign key: the log outlives the VM it is about (a DELETE operation, audit)
    vm_id        uuid        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'START', 'STOP', 'PAUSE',
                                                       'RESUME', 'RESET', 'REBOOT', 'SNAPSHOT_CREATE',
                                                       'SNAPSHOT_RESTORE', 'SNAPSHOT_DELETE')),
    status       text        NOT NULL DEFAULT 'PENDING'
                             CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    -- RFC 9457 problem document when FAILED
    problem      jsonb,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    CONSTRAINT operations_problem_only_when_failed CHECK (problem IS NULL OR status = 'FAILED')
);

CREATE INDEX operations_vm_created ON operations (vm_id, created_at);
CREATE INDEX operations_tenant_created ON operations (tenant_id, created_at, id);
