package io.voidvm.kafkakit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler of every voidVM consumer (ADR 0001): poison goes to {@code <topic>.dlt} at once; any other
 * failure (the database away) is retried with exponential back-off for about {@link #RETRY_FOR} and only then
 * dead-lettered. Either way the dead letter carries Spring's {@code kafka_dlt-*} headers and
 * {@link DeadLetterHeaders#REASON}, and is logged and counted by {@link DeadLetterReport}. Nothing is dropped
 * silently.
 */
public final class DeadLetters {

    /** How long a failure that is not poison is retried before the record is dead-lettered. */
    public static final Duration RETRY_FOR = Duration.ofMinutes(1);

    private DeadLetters() {
    }

    /**
     * @param template publishes dead letters; its value serializer must accept the raw bytes of a record that
     *                 could not be deserialized as well as whatever the consumer's deserializer produces
     * @param registry where {@value DeadLetterReport#COUNTER} is counted
     * @param reasons  what is poison, and the reason code of each failure
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MeterRegistry registry,
                                                   DeadLetterReasons reasons) {
        var recoverer = new ReportingRecoverer(template, reasons, new DeadLetterReport(registry, reasons));
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(RETRY_FOR.toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        for (Class<? extends Exception> poison : reasons.notRetryable()) {
            handler.addNotRetryableExceptions(poison);
        }
        return handler;
    }
}
