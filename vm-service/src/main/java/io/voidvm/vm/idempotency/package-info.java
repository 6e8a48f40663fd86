/**
 * {@code Idempotency-Key} for POST requests: the first successful response per tenant and key is stored in the
 * same transaction as its effect and replayed for a retry; the same key with another request is refused (422).
 */
package io.voidvm.vm.idempotency;
