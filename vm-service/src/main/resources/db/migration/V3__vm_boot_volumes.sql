-- A VM created from an image boots from a volume storage-service made for it (issue 5). The pool's path and
-- node are kept with the id: the node spec names the path, and placement must pick that node.
ALTER TABLE vms ADD COLUMN boot_volume_id uuid;
ALTER TABLE vms ADD COLUMN boot_volume_pool_path text;
ALTER TABLE vms ADD COLUMN boot_volume_node text;
ALTER TABLE vms ADD CONSTRAINT vms_boot_volume_complete CHECK (
    (boot_volume_id IS NULL AND boot_volume_pool_path IS NULL AND boot_volume_node IS NULL)
    OR (boot_volume_id IS NOT NULL AND boot_volume_pool_path IS NOT NULL AND boot_volume_node IS NOT NULL));

-- Boot volumes of VMs that are gone, still to be deleted in storage-service. Written in the transaction that
-- removes the VM row; a sweeper asks storage-service and removes the row once it accepted (or no longer knows
-- the volume), so a storage-service that is down only delays the deletion.
CREATE TABLE boot_volume_deletions (
    volume_id    uuid        PRIMARY KEY,
    vm_id        uuid        NOT NULL,
    tenant_id    text        NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
