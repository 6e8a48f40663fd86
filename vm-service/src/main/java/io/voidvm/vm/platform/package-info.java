/**
 * Calling other services as the platform ({@code voidvm-platform} client credentials, ADR 0006): the shared
 * WebClient set-up of the quota and boot-volume clients.
 */
package io.voidvm.vm.platform;
