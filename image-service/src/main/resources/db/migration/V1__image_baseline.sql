-- image-service baseline: the image catalog. Blobs live on disk, addressed by SHA-256; rows point at them.

CREATE TABLE images (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
    description        text        NOT NULL DEFAULT '',
    os_type            text        NOT NULL,
    format             text        CHECK (format IN ('qcow2', 'raw')),
    status             text        NOT NULL DEFAULT 'PENDING'
                                   CHECK (status IN ('PENDING', 'UPLOADING', 'VALIDATING', 'READY', 'FAILED',
                                                     'DELETING')),
    status_reason      text,
    -- set once the upload or import finished; several images may share one blob
    sha256             text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes         bigint      CHECK (size_bytes >= 0),
    virtual_size_bytes bigint      CHECK (virtual_size_bytes >= 0),
    -- where a URL import came from; NULL for uploads
    source_url         text,
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT images_name_per_tenant UNIQUE (tenant_id, name),
    CONSTRAINT images_ready_has_blob CHECK (status <> 'READY' OR (sha256 IS NOT NULL AND format IS NOT NULL))
);

CREATE INDEX images_tenant_created ON images (tenant_id, created_at, id);
-- blob garbage collection: is any image still pointing at this blob?
CREATE INDEX images_sha256 ON images (sha256) WHERE sha256 IS NOT NULL;
