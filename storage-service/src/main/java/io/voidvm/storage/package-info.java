/**
 * storage-service: storage pools and the volumes carved out of them, and which VM a volume is
 * attached to. Feature packages live below this one.
 */
package io.voidvm.storage;
