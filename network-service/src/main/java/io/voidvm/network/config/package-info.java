/**
 * Typed, validated settings of network-service ({@code voidvm.network.*}); a bad value stops start-up with the
 * property's name.
 */
package io.voidvm.network.config;
