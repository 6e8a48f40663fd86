/**
 * {@code GET|HEAD /internal/v1/blobs/{sha256}}: node agents download blobs with HTTP Range support,
 * authenticated as the platform.
 */
package io.voidvm.image.blob.web;
