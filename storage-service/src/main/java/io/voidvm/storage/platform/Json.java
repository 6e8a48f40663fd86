package io.voidvm.storage.platform;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Lenient reads of other services' JSON: unknown fields are ignored, a missing one is null. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static Long number(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isNumber()) {
                return value.asLong();
            }
        }
        return null;
    }

    static UUID uuid(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
