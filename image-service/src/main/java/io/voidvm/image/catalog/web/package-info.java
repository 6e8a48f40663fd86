/**
 * The image REST API: {@code /api/v1/images} (catalog and upload) for tenants and admins, and
 * {@code /internal/v1/images/{id}} for platform callers.
 */
package io.voidvm.image.catalog.web;
