/**
 * Where each {@code /api/v1/**} path goes: typed, validated URIs of the downstream services that the
 * route definitions in {@code application.yaml} refer to.
 */
package io.voidvm.gateway.routing;
