/**
 * image-service: the catalog of VM images and the blobs behind them, addressed by SHA-256 and checked with
 * qemu-img before use. Features: catalog (API, intake), blob (store, downloads), validation (qemu-img),
 * importing (URL import), dependents (storage-service) and seed.
 */
package io.voidvm.image;
