-- image-service: what the catalog API needs beyond the baseline. Visibility and owner, the user's version
-- label, ISO images, upload/import progress, the checksum a client promised, and when an upload started
-- (one upload per image at a time).

ALTER TABLE images DROP CONSTRAINT images_format_check;
ALTER TABLE images ADD CONSTRAINT images_format_check CHECK (format IN ('qcow2', 'raw', 'iso'));

ALTER TABLE images
    ADD COLUMN visibility        text   NOT NULL DEFAULT 'PRIVATE' CHECK (visibility IN ('PRIVATE', 'PUBLIC')),
    ADD COLUMN created_by        text   NOT NULL DEFAULT '',
    ADD COLUMN os_version        text   NOT NULL DEFAULT '',
    ADD COLUMN expected_sha256   text   CHECK (expected_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN bytes_done        bigint NOT NULL DEFAULT 0 CHECK (bytes_done >= 0),
    ADD COLUMN bytes_total       bigint CHECK (bytes_total >= 0),
    ADD COLUMN upload_started_at timestamptz;

-- public images are listed to every tenant
CREATE INDEX images_public_created ON images (created_at, id) WHERE visibility = 'PUBLIC';
