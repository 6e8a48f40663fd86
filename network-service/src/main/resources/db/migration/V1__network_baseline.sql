-- network-service baseline: tenants' virtual networks. Leases (IPAM) and security rules come next.

CREATE TABLE networks (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    name        text        NOT NULL CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    description text        NOT NULL DEFAULT '',
    -- the cidr type rejects host bits, like Ipv4Cidr does
    cidr        cidr        NOT NULL CHECK (family(cidr) = 4 AND masklen(cidr) BETWEEN 8 AND 30),
    gateway     inet,
    status      text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DELETING')),
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT networks_name_per_tenant UNIQUE (tenant_id, name),
    CONSTRAINT networks_gateway_inside CHECK (gateway IS NULL OR gateway << cidr)
);

CREATE INDEX networks_tenant_created ON networks (tenant_id, created_at, id);
