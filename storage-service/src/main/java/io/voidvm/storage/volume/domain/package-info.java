/**
 * Volumes as rules without I/O: sizes, which request each status allows, what a node's report changes, and
 * whether an image may seed a volume.
 */
package io.voidvm.storage.volume.domain;
