/**
 * Reactive access to the current {@link io.voidvm.servicekit.tenancy.domain.Caller}: resolved from the
 * request's JWT, through {@link io.voidvm.servicekit.tenancy.CallerContext} or a {@code Caller} handler parameter.
 */
package io.voidvm.servicekit.tenancy;
