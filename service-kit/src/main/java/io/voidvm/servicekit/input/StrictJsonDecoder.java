package io.voidvm.servicekit.input;

import io.voidvm.servicekit.input.domain.StorableText;
import io.voidvm.servicekit.problem.JsonValueRefusedException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.ResolvableType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads JSON request bodies by the platform's input rules: UTF-8 only (any other declared charset is not decoded,
 * so WebFlux answers 415), no scalar coercion in either direction, no duplicate keys, and strings (values and
 * object keys) that are {@linkplain StorableText storable}. Built from the application's own mapper, so its
 * modules and settings carry over; used for server requests only, never for answers a service reads as a client.
 */
final class StrictJsonDecoder extends JacksonJsonDecoder {

    StrictJsonDecoder(JsonMapper applicationMapper) {
        super(strict(applicationMapper));
    }

    static JsonMapper strict(JsonMapper applicationMapper) {
        SimpleModule storableStrings = new SimpleModule("voidvm-storable-strings")
                .addDeserializer(String.class, StorableStringDeserializer.SINGLE_LINE)
                .addKeyDeserializer(String.class, new StorableKeyDeserializer());
        return applicationMapper.rebuild()
                // "2" for an integer, 1 for a boolean, "" for a number
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // 2.5 (or 2.0) for an integer
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // 12345, 1.5 and true for a string (also refused by StorableStringDeserializer itself)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // "" (or, once trimmed, " " and "\u0000") for an id, a time, an enum or a list is refused, not
                // taken as null; a string field keeps its empty string (StorableStringDeserializer)
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(storableStrings)
                .build();
    }

    @Override
    public boolean canDecode(ResolvableType elementType, MimeType mimeType) {
        if (mimeType != null && mimeType.getCharset() != null && !StandardCharsets.UTF_8.equals(mimeType.getCharset())) {
            return false;
        }
        return super.canDecode(elementType, mimeType);
    }

    /** Object keys read into {@code Map<String, ?>} follow the single-line string rule too. */
    private static final class StorableKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            var refusal = StorableText.refusal(key, false);
            if (refusal.isPresent()) {
                throw new JsonValueRefusedException(context.getParser(), "keys " + refusal.get());
            }
            return key;
        }
    }
}
