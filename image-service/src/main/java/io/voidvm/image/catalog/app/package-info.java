/**
 * The image use cases: the catalog (list, read, register, delete) and the intake that turns streamed bytes —
 * an upload or a URL import — into a validated, content-addressed blob.
 */
package io.voidvm.image.catalog.app;
