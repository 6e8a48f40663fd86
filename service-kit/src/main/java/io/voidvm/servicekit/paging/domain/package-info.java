/**
 * Keyset pagination as plain Java: a validated {@link io.voidvm.servicekit.paging.domain.PageRequest} in, a
 * {@link io.voidvm.servicekit.paging.domain.CursorPage} out, the cursor an opaque base64url token of sort keys.
 */
package io.voidvm.servicekit.paging.domain;
