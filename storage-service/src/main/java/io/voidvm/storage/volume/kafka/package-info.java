/** Consumes {@code voidvm.volume.events}; each record is applied once, in order per volume (the key). */
package io.voidvm.storage.volume.kafka;
