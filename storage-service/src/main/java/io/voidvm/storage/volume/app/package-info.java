/**
 * Volume use cases: each request changes the volume and appends its node command to the outbox in one
 * transaction; the node's VolumeEvents settle it. Other services sit behind the narrow interfaces here
 * ({@link io.voidvm.storage.volume.app.ImageCatalog}, {@link io.voidvm.storage.volume.app.VmDirectory},
 * {@link io.voidvm.storage.volume.app.TenantQuota}, {@link io.voidvm.storage.volume.app.VmDiskAttachments}).
 */
package io.voidvm.storage.volume.app;
