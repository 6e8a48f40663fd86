-- A VM may have no disk at all (no image, no diskSizeGb: ISO/PXE boot, issue 11). NULL says so; a size, where
-- there is one, is still at least 1 GB (the CHECK holds for non-NULL values).
ALTER TABLE vms ALTER COLUMN disk_size_gb DROP NOT NULL;
