/** The {@code images} table through R2DBC: tenant-scoped reads (own images plus public ones), guarded writes. */
package io.voidvm.image.catalog.db;
