/**
 * Typed, validated settings of auth-service ({@code voidvm.auth.*}); a bad value stops start-up with the
 * property's name.
 */
package io.voidvm.auth.config;
