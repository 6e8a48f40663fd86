/**
 * Which URLs an import may fetch, as plain Java: http/https only, and no address in a loopback, private,
 * link-local, multicast, unspecified or otherwise internal range unless an admin setting allows that range.
 */
package io.voidvm.image.importing.domain;
