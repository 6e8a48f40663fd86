/**
 * Token buckets in plain Java: a policy (N requests per window), the decision for one request, and a
 * bounded map of buckets per key. No framework, driven by an injected {@link java.time.Clock}.
 */
package io.voidvm.gateway.ratelimit.domain;
