/**
 * Rate limits per user, per client address and (stricter) on the login paths: Spring Cloud Gateway's
 * {@code RateLimiter} SPI over in-memory token buckets, answering {@code 429} problems with RateLimit headers.
 */
package io.voidvm.gateway.ratelimit;
