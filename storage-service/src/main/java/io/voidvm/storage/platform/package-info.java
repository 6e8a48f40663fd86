/**
 * HTTP adapters to the other services: image-service and auth-service as the platform (a client-credentials
 * token of {@code voidvm-platform}), vm-service as the current caller (their own bearer token, relayed).
 */
package io.voidvm.storage.platform;
