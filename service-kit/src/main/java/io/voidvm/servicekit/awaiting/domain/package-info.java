/**
 * Waiting for a node's answer, as plain Java: what is awaited ({@link io.voidvm.servicekit.awaiting.domain.AwaitedAnswer})
 * and the one rule for it ({@link io.voidvm.servicekit.awaiting.domain.AnswerPolicy}): not yet, send again, or give up.
 */
package io.voidvm.servicekit.awaiting.domain;
