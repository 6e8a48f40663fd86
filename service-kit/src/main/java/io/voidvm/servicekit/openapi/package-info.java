/**
 * The OpenAPI 3.1 document every service publishes at {@code /v3/api-docs}: info naming the service, the bearer
 * JWT scheme, RFC 9457 problem responses and the shared paging parameters, so controllers carry no boilerplate.
 */
package io.voidvm.servicekit.openapi;
