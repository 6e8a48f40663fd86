/**
 * Storage pools as rules without I/O: a pool's type and per-type settings, its capacity and over-commit ratio,
 * and whether a volume of a given size still fits.
 */
package io.voidvm.storage.pool.domain;
