/**
 * The HTTP adapter of the boot-volume port: storage-service's {@code /internal/v1/volumes} API, called as the
 * platform with a client-credentials token, with a time limit and a circuit breaker.
 */
package io.voidvm.vm.bootvolume.client;
