/**
 * The OpenAPI 3.1 document every service publishes at {@code /v3/api-docs}: info naming the service, the bearer
 * JWT scheme, RFC 9457 problem responses and the shared paging parameters, so controllers carry no boilerplate.
 * A service declares an {@link io.voidvm.servicekit.openapi.ApiDescription} bean for its title, its resource tags
 * (in display order) and example bodies; controllers carry {@code @Tag(name = ...)} and
 * {@code @Operation(summary = ...)} only.
 */
package io.voidvm.servicekit.openapi;
