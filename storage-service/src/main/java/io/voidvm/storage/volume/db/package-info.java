/**
 * The {@code volumes} table (every query filtered by the caller's tenant scope) and the ids of VolumeEvents
 * already applied.
 */
package io.voidvm.storage.volume.db;
