/**
 * Typed, validated settings of vm-service ({@code voidvm.vm.*}); a bad value stops start-up with the
 * property's name.
 */
package io.voidvm.vm.config;
