/**
 * Pool use cases: admins create pools, every caller lists them; the configured default pool is seeded at start.
 */
package io.voidvm.storage.pool.app;
