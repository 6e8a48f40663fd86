/**
 * Fetches an import URL with Reactor Netty: the host is resolved by a resolver that checks every address against
 * the policy (so a DNS answer that changed since the request was accepted cannot reach an internal address), no
 * redirects are followed, and the body streams to a temp file.
 */
package io.voidvm.image.importing.http;
