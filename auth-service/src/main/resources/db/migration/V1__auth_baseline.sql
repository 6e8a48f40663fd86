-- auth-service baseline: tenants, who belongs to them, and what they may use.
-- A tenant's id is the value of the Keycloak `tenant` claim (e.g. 'demo'), so it is a DNS-label text key
-- rather than a uuid; every other service stores it as tenant_id text.

CREATE TABLE tenants (
    id           text        PRIMARY KEY CHECK (id ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    suspended    boolean     NOT NULL DEFAULT false,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    id         uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- Keycloak user id (the token's `sub`); the platform stores no credentials
    user_id    text        NOT NULL,
    role       text        NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member', 'viewer')),
    version    bigint      NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT memberships_user_per_tenant UNIQUE (tenant_id, user_id)
);

-- "which tenants is this user in" on every profile request
CREATE INDEX memberships_user ON memberships (user_id);

-- One row per tenant; a missing row means the configured default quota (voidvm.auth.default-quotas).
CREATE TABLE quotas (
    tenant_id     text        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    max_vms       integer     NOT NULL CHECK (max_vms >= 0),
    max_vcpus     integer     NOT NULL CHECK (max_vcpus >= 0),
    max_memory_mb bigint      NOT NULL CHECK (max_memory_mb >= 0),
    max_disk_gb   bigint      NOT NULL CHECK (max_disk_gb >= 0),
    max_images    integer     NOT NULL CHECK (max_images >= 0),
    version       bigint      NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
