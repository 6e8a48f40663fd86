package io.voidvm.kafkakit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;

/**
 * Says that a record was dead-lettered: one WARN line (where it was, its key, the reason, the exception's class
 * and message with quoted input masked; never the value, which may carry secrets) and one count of
 * {@value #COUNTER} tagged with the original topic and the reason.
 */
public final class DeadLetterReport {

    /** Records sent to a dead-letter topic, tagged {@code topic} (the original topic) and {@code reason}. */
    public static final String COUNTER = "voidvm.kafka.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReport.class);
    /** Long enough for any reason a codec gives, short enough that a log line stays a line. */
    private static final int MAX_TEXT = 300;
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    private final MeterRegistry registry;
    private final DeadLetterReasons reasons;

    public DeadLetterReport(MeterRegistry registry, DeadLetterReasons reasons) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.reasons = Objects.requireNonNull(reasons, "reasons");
    }

    /** Called once the dead letter is on its topic. */
    public void deadLettered(ConsumerRecord<?, ?> record, String deadLetterTopic, Throwable failure) {
        String reason = reasons.reasonOf(failure);
        Throwable cause = causeOf(failure);
        String errorType = cause.getClass().getName();
        String message = clip(masked(cause.getMessage()));
        String key = record.key() == null ? null : clip(String.valueOf(record.key()));
        log.atWarn()
                .addKeyValue("kafka.topic", record.topic())
                .addKeyValue("kafka.partition", record.partition())
                .addKeyValue("kafka.offset", record.offset())
                .addKeyValue("kafka.key", key)
                .addKeyValue("deadLetter.topic", deadLetterTopic)
                .addKeyValue("deadLetter.reason", reason)
                .addKeyValue("error.type", errorType)
                .addKeyValue("error.message", message)
                .log("dead letter: {}-{}@{} key {} sent to {}, reason {}: {}: {}", record.topic(), record.partition(),
                        record.offset(), key, deadLetterTopic, reason, errorType, message);
        Counter.builder(COUNTER)
                .description("Kafka records a consumer could not process and sent to the dead-letter topic")
                .tag("topic", record.topic())
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** The failure without Spring Kafka's wrappers (listener failed, deserialization failed): what really broke. */
    static Throwable causeOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof KafkaException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The message with every quoted fragment masked: parsers quote the piece of input they stumbled on ("Unrecognized
     * token 'hunter2'", "from String \"...\""), and that piece is the value, which may be a secret. The full message
     * stays in the dead letter's {@code kafka_dlt-exception-message} header, for admins.
     */
    static String masked(String message) {
        return message == null ? null : QUOTED.matcher(message).replaceAll(match -> match.group().charAt(0) + "…"
                + match.group().charAt(0));
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT) + "…";
    }
}
