/**
 * Typed, validated settings of storage-service ({@code voidvm.storage.*}); a bad value stops start-up with the
 * property's name.
 */
package io.voidvm.storage.config;
