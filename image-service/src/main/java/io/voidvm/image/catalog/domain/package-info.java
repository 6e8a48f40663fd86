/**
 * The image catalog as plain Java: an image's metadata, visibility and status (UPLOADING → VALIDATING → READY or
 * FAILED with a reason), and the rules a new image must satisfy.
 */
package io.voidvm.image.catalog.domain;
