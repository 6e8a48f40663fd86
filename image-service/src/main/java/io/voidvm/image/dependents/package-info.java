/**
 * Asks storage-service which volumes were made from an image ({@code GET /internal/v1/images/{id}/dependents}),
 * authenticated as the platform with an OAuth2 client-credentials token.
 */
package io.voidvm.image.dependents;
