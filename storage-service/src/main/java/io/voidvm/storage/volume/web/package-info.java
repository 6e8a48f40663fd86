/**
 * {@code /api/v1/storage/{poolId}/volumes} (tenants' volumes, attach and detach) and the platform's internal
 * volume endpoints under {@code /internal/v1} (the gateway does not route those).
 */
package io.voidvm.storage.volume.web;
