/**
 * The {@code pools} table; a pool's used size is summed from its volumes in the same query.
 */
package io.voidvm.storage.pool.db;
