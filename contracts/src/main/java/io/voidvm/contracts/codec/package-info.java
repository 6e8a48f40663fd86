/**
 * JSON encoding and decoding of envelopes (Jackson 3, kept inside this package) and the typed errors a
 * Kafka consumer's error handler treats as non-retryable and routes to the dead-letter topic.
 */
package io.voidvm.contracts.codec;
