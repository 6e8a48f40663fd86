/**
 * RFC 9457 problems for requests refused below Spring WebFlux: a request target Spring cannot parse, a request
 * line or header block over Netty's limits. One Netty handler, shared by every service and the gateway (ADR 0017).
 */
package io.voidvm.httpedge;
