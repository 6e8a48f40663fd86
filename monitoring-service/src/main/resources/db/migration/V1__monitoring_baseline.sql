-- monitoring-service baseline: raw metric samples of VMs and nodes.
-- Samples are immutable and arrive by the tens of thousands per second, so unlike the other services' tables
-- they have no uuid id and no version column: the natural key identifies a sample and nothing updates it.

CREATE TABLE samples (
    -- owning tenant of a VM sample; NULL for node (host) samples, which only admins see
    tenant_id   text             CHECK ((source_kind = 'VM') = (tenant_id IS NOT NULL)),
    source_kind text             NOT NULL CHECK (source_kind IN ('VM', 'NODE')),
    -- vmId for VM samples, node name for node samples
    source_id   text             NOT NULL,
    metric      text             NOT NULL,
    sampled_at  timestamptz      NOT NULL,
    value       double precision NOT NULL,
    -- a redelivered Kafka record hits this key and is ignored (ON CONFLICT DO NOTHING)
    PRIMARY KEY (source_kind, source_id, metric, sampled_at)
);

-- retention deletes by age; BRIN stays tiny on an append-only, time-ordered table
CREATE INDEX samples_sampled_at ON samples USING brin (sampled_at);
-- a tenant's dashboards
CREATE INDEX samples_tenant_time ON samples (tenant_id, sampled_at) WHERE tenant_id IS NOT NULL;
