-- Usage per tenant and resource, API tokens and the audit log.

-- What a tenant uses now, as last reported by the service that owns the resource (vm-service: vms, vcpus,
-- memoryMb, diskGb; image-service: images). No foreign key: a tenant may use resources before an admin has
-- created its row here (its id comes from the Keycloak claim).
CREATE TABLE usage (
    tenant_id  text        NOT NULL CHECK (tenant_id ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    resource   text        NOT NULL CHECK (resource IN ('vms', 'vcpus', 'memoryMb', 'diskGb', 'images')),
    used       bigint      NOT NULL CHECK (used >= 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, resource)
);

-- One row per API token. The secret lives only in Keycloak (as the client's secret) and in the one response
-- that created it; this table keeps the metadata and the ids needed to delete the client.
CREATE TABLE api_tokens (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    owner_id           text        NOT NULL,
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    client_id          text        NOT NULL UNIQUE,
    keycloak_client_id text        NOT NULL,
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    -- set when revoked by a user or removed by the expiry sweep; the Keycloak client is gone then
    ended_at           timestamptz,
    end_reason         text        CHECK (end_reason IN ('revoked', 'expired')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
    CHECK (expires_at > created_at)
);

CREATE INDEX api_tokens_owner ON api_tokens (tenant_id, owner_id, created_at DESC, id DESC);
-- the sweep's query: live tokens past their expiry
CREATE INDEX api_tokens_live_expiry ON api_tokens (expires_at) WHERE ended_at IS NULL;

-- Security-relevant events, newest first. Entries from Keycloak carry its event id, so a re-read window
-- never stores one twice.
CREATE TABLE audit_log (
    id          uuid        PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    source      text        NOT NULL CHECK (source IN ('auth-service', 'keycloak')),
    action      text        NOT NULL,
    actor       text        NOT NULL,
    tenant_id   text,
    target      text,
    detail      text        CHECK (length(detail) <= 2000),
    external_id text        UNIQUE
);

CREATE INDEX audit_log_recent ON audit_log (occurred_at DESC, id DESC);
