/**
 * image-service: the catalog of VM images and the blobs behind them, addressed by SHA-256 and checked
 * with qemu-img before use. Feature packages (catalog, upload, blobs) live below this one.
 */
package io.voidvm.image;
