package io.voidvm.monitoring.deadletter.web;

import io.voidvm.monitoring.config.DeadLetterProperties;
import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import io.voidvm.monitoring.deadletter.web.DeadLetterView.ValueEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns dead letters into views: the value decoded as JSON when it is JSON, up to the configured size. */
@Component
class DeadLetterViews {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final int maxValueBytes;

    DeadLetterViews(DeadLetterProperties properties) {
        this.maxValueBytes = properties.maxValueBytes();
    }

    DeadLetterView letter(DeadLetter letter) {
        DeadLetter.Origin origin = letter.origin();
        DeadLetter.Failure failure = letter.failure();
        byte[] value = letter.value();
        ValueEncoding encoding = encoding(value);
        return new DeadLetterView(letter.topic(), letter.partition(), letter.offset(), letter.timestamp(),
                letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8),
                new DeadLetterView.Original(origin.topic(), origin.partition(), origin.offset(), origin.timestamp(),
                        origin.consumerGroup()),
                new DeadLetterView.Failure(failure.reason(), failure.exceptionClass(), failure.causeClass(),
                        failure.message()),
                letter.size(), encoding, shown(encoding, value),
                letter.replay() == null ? null : new DeadLetterView.Replay(letter.replay().at(), letter.replay().by()));
    }

    private ValueEncoding encoding(byte[] value) {
        if (value == null) {
            return ValueEncoding.NONE;
        }
        if (value.length > maxValueBytes) {
            return ValueEncoding.OMITTED;
        }
        if (json(value) != null) {
            return ValueEncoding.JSON;
        }
        return text(value) != null ? ValueEncoding.TEXT : ValueEncoding.BASE64;
    }

    private static Object shown(ValueEncoding encoding, byte[] value) {
        return switch (encoding) {
            case JSON -> json(value);
            case TEXT -> text(value);
            case BASE64 -> Base64.getEncoder().encodeToString(value);
            case OMITTED, NONE -> null;
        };
    }

    private static JsonNode json(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
