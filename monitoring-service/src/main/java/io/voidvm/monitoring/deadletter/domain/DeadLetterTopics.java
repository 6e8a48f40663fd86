package io.voidvm.monitoring.deadletter.domain;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import java.util.regex.Pattern;

/** Which topics are dead-letter topics ({@code <topic>.dlt}, ADR 0001) and the topic each one belongs to. */
public final class DeadLetterTopics {

    /** A path parameter naming a dead-letter topic. */
    public static final String PARAMETER = "topic";
    static final String SUFFIX = Topics.deadLetter("x").substring(1);
    /** Kafka's own rule for topic names. */
    private static final Pattern KAFKA_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private DeadLetterTopics() {
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(SUFFIX) && topic.length() > SUFFIX.length();
    }

    /** The topic whose dead letters {@code deadLetterTopic} holds. */
    public static String originalOf(String deadLetterTopic) {
        if (!isDeadLetterTopic(deadLetterTopic)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic");
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length());
    }

    /**
     * Checks a name a client sent.
     *
     * @throws InvalidRequestException naming {@code topic} when it cannot be a Kafka topic at all
     * @throws NotFoundException       when it is a topic name, but not of a dead-letter topic
     */
    public static String require(String topic) {
        if (topic == null || !KAFKA_NAME.matcher(topic).matches()) {
            throw new InvalidRequestException(PARAMETER, "is not a Kafka topic name");
        }
        if (!isDeadLetterTopic(topic)) {
            throw notFound(topic);
        }
        return topic;
    }

    public static NotFoundException notFound(String topic) {
        return new NotFoundException("dead-letter topic", topic);
    }
}
