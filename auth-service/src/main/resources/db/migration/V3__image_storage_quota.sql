-- The imageGb quota: the summed file sizes of a tenant's private images (GiB, rounded up), reported by
-- image-service beside its image count. Tenants with a quota row get 200 GiB, the shipped default
-- (voidvm.auth.default-quotas.image-gb), until an admin sets their quota again.
ALTER TABLE quotas ADD COLUMN max_image_gb bigint NOT NULL DEFAULT 200 CHECK (max_image_gb >= 0);
ALTER TABLE quotas ALTER COLUMN max_image_gb DROP DEFAULT;

ALTER TABLE usage DROP CONSTRAINT usage_resource_check;
ALTER TABLE usage ADD CONSTRAINT usage_resource_check
    CHECK (resource IN ('vms', 'vcpus', 'memoryMb', 'diskGb', 'images', 'imageGb'));
