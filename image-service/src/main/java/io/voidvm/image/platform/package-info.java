/**
 * How image-service calls other services as the platform: WebClients carrying a client-credentials token of the
 * {@code voidvm-platform} client (storage-service's dependents API, auth-service's quota API), and the circuit
 * breakers those calls go through.
 */
package io.voidvm.image.platform;
