-- Pools become platform-wide (an admin creates them; every tenant allocates volumes from them), with per-type
-- settings (DIR: a directory under the agent's pools root on one node) and an over-commit ratio. Volumes gain
-- the lifecycle the node agents report on: hot-plug statuses, a status reason, the image they came from and
-- the sizes the node measured. Plus the dedupe table of the VolumeEvents consumer.

ALTER TABLE pools DROP CONSTRAINT pools_name_per_tenant;
DROP INDEX pools_tenant_created;
ALTER TABLE pools DROP COLUMN tenant_id;
ALTER TABLE pools ADD CONSTRAINT pools_name_unique UNIQUE (name);
CREATE INDEX pools_created ON pools (created_at, id);

-- DIR settings; NULL for types that will not need them (NFS, Ceph RBD)
ALTER TABLE pools ADD COLUMN path text
    CHECK (path ~ '^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*$');
ALTER TABLE pools ADD COLUMN node_name text CHECK (node_name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$');
-- V1 never wrote pools, but keep any hand-made row valid
UPDATE pools SET path = name, node_name = 'local' WHERE path IS NULL;
ALTER TABLE pools ADD CONSTRAINT pools_dir_settings CHECK (kind <> 'DIR' OR (path IS NOT NULL AND node_name IS NOT NULL));
CREATE UNIQUE INDEX pools_dir_location ON pools (node_name, path) WHERE kind = 'DIR';
-- thin provisioning: the sizes of a pool's volumes may add up to capacity_gb * overcommit_ratio
ALTER TABLE pools ADD COLUMN overcommit_ratio numeric(6, 2) NOT NULL DEFAULT 1.0
    CHECK (overcommit_ratio >= 1.0 AND overcommit_ratio <= 100.0);

-- two tenants may both call a volume "data" in one shared pool
ALTER TABLE volumes DROP CONSTRAINT volumes_name_per_pool;
ALTER TABLE volumes ADD CONSTRAINT volumes_name_per_tenant_pool UNIQUE (tenant_id, pool_id, name);
CREATE INDEX volumes_tenant_created ON volumes (tenant_id, created_at, id);

ALTER TABLE volumes ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE volumes ADD COLUMN status_reason text;
-- the image a volume was made from (image-service asks before deleting an image)
ALTER TABLE volumes ADD COLUMN image_id uuid;
CREATE INDEX volumes_image ON volumes (image_id) WHERE image_id IS NOT NULL;
-- a boot volume that vm-service made for a VM (POST /internal/v1/volumes); NULL for tenants' own volumes
ALTER TABLE volumes ADD COLUMN owner_vm_id uuid;
-- the VM's disk id (QEMU block node name) while attached
ALTER TABLE volumes ADD COLUMN disk_id text CHECK (disk_id ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$');
-- what the node measured after the last CREATE or RESIZE
ALTER TABLE volumes ADD COLUMN virtual_size_bytes bigint CHECK (virtual_size_bytes >= 0);
ALTER TABLE volumes ADD COLUMN allocated_bytes bigint CHECK (allocated_bytes >= 0);

ALTER TABLE volumes DROP CONSTRAINT volumes_attached_has_vm;
ALTER TABLE volumes DROP CONSTRAINT volumes_status_check;
ALTER TABLE volumes ADD CONSTRAINT volumes_status_check
    CHECK (status IN ('PENDING', 'AVAILABLE', 'ATTACHING', 'ATTACHED', 'DETACHING', 'ERROR', 'DELETING'));
-- a VM and a disk id exactly while the volume is (being) attached
ALTER TABLE volumes ADD CONSTRAINT volumes_attached_has_vm
    CHECK ((status IN ('ATTACHING', 'ATTACHED', 'DETACHING')) = (attached_vm_id IS NOT NULL AND disk_id IS NOT NULL));

-- VolumeEvents already applied: a redelivered message finds its id here (same transaction as the effect)
CREATE TABLE processed_messages (
    message_id   uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_messages_at ON processed_messages (processed_at);
