-- storage-service baseline: storage pools and the volumes in them.

CREATE TABLE pools (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    name        text        NOT NULL CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    description text        NOT NULL DEFAULT '',
    -- only directory pools for now (a directory under voidvm.storage.pools-root on each node)
    kind        text        NOT NULL DEFAULT 'DIR' CHECK (kind IN ('DIR')),
    capacity_gb bigint      NOT NULL CHECK (capacity_gb > 0),
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pools_name_per_tenant UNIQUE (tenant_id, name)
);

CREATE INDEX pools_tenant_created ON pools (tenant_id, created_at, id);

CREATE TABLE volumes (
    id             uuid        PRIMARY KEY,
    tenant_id      text        NOT NULL,
    -- a pool with volumes cannot be dropped: delete the volumes first
    pool_id        uuid        NOT NULL REFERENCES pools (id) ON DELETE RESTRICT,
    name           text        NOT NULL CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    size_gb        bigint      NOT NULL CHECK (size_gb > 0),
    format         text        NOT NULL DEFAULT 'qcow2' CHECK (format IN ('qcow2', 'raw')),
    status         text        NOT NULL DEFAULT 'PENDING'
                               CHECK (status IN ('PENDING', 'AVAILABLE', 'ATTACHED', 'ERROR', 'DELETING')),
    -- the VM (vm-service id) the volume is attached to; at most one
    attached_vm_id uuid,
    version        bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT volumes_name_per_pool UNIQUE (pool_id, name),
    CONSTRAINT volumes_attached_has_vm CHECK ((status = 'ATTACHED') = (attached_vm_id IS NOT NULL))
);

CREATE INDEX volumes_pool ON volumes (pool_id, created_at, id);
CREATE INDEX volumes_attached_vm ON volumes (attached_vm_id) WHERE attached_vm_id IS NOT NULL;
