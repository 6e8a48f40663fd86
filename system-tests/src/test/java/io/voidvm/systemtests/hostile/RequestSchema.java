package io.voidvm.systemtests.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON request body's schema in a service's OpenAPI document, read for the walk: where its string fields are
 * (as JSON paths: {@code name}, {@code networkIds[0]}, {@code spec.label}) and, for a schema nobody taught the walk,
 * a body of its required properties with plain values.
 */
public final class RequestSchema {

    private static final int MAX_DEPTH = 4;

    private final JsonNode document;
    private final JsonNode schema;

    /** @param schema the request body's schema node ({@code $ref} or inline) of {@code document} */
    public RequestSchema(JsonNode document, JsonNode schema) {
        this.document = document;
        this.schema = schema;
    }

    /** Every string property, nested objects and arrays of strings included, as JSON paths. */
    public List<String> stringFields() {
        List<String> fields = new ArrayList<>();
        collect(schema, "", fields, 0);
        return List.copyOf(fields);
    }

    /** An object of the required properties (recursively), each a plain value of its type, enum or format. */
    public ObjectNode sampleBody() {
        JsonNode sample = sample(resolve(schema), 0);
        return sample instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    private void collect(JsonNode node, String prefix, List<String> fields, int depth) {
        JsonNode resolved = resolve(node);
        if (depth > MAX_DEPTH) {
            return;
        }
        for (JsonNode part : resolved.path("allOf")) {
            collect(part, prefix, fields, depth + 1);
        }
        resolved.path("properties").properties().forEach(property -> {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode value = resolve(property.getValue());
            if (isType(value, "string")) {
                fields.add(path);
            } else if (isType(value, "array") && isType(resolve(value.path("items")), "string")) {
                fields.add(path + "[0]");
            } else if (isType(value, "object") || value.has("properties")) {
                collect(value, path, fields, depth + 1);
            }
        });
    }

    private JsonNode sample(JsonNode node, int depth) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (node.has("example")) {
            return node.path("example");
        }
        if (node.path("enum").isArray() && !node.path("enum").isEmpty()) {
            return node.path("enum").path(0);
        }
        if (isType(node, "object") || node.has("properties")) {
            ObjectNode object = json.objectNode();
            if (depth <= MAX_DEPTH) {
                for (JsonNode required : node.path("required")) {
                    String name = required.asString();
                    object.set(name, sample(resolve(node.path("properties").path(name)), depth + 1));
                }
            }
            return object;
        }
        if (isType(node, "array")) {
            return json.arrayNode();
        }
        if (isType(node, "integer") || isType(node, "number")) {
            return json.numberNode(Math.max(1, node.path("minimum").asLong(1)));
        }
        if (isType(node, "boolean")) {
            return json.booleanNode(false);
        }
        return switch (node.path("format").asString()) {
            case "uuid" -> json.stringNode(UUID.randomUUID().toString());
            case "email" -> json.stringNode("hostile-walk@example.com");
            case "uri" -> json.stringNode("https://example.com/hostile-walk");
            default -> json.stringNode("hostile-walk");
        };
    }

    /** OpenAPI 3.1 writes {@code type} as a string or as a list such as {@code ["string", "null"]}. */
    private static boolean isType(JsonNode node, String type) {
        JsonNode declared = node.path("type");
        if (declared.isArray()) {
            for (JsonNode one : declared) {
                if (type.equals(one.asString())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(declared.asString());
    }

    /** Follows local {@code $ref}s, and a {@code oneOf}/{@code anyOf} of one real schema (a nullable one). */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10; hops++) {
            if (current.has("$ref")) {
                String ref = current.path("$ref").asString();
                current = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
            } else if (current.has("oneOf") || current.has("anyOf")) {
                JsonNode choices = current.has("oneOf") ? current.path("oneOf") : current.path("anyOf");
                JsonNode real = null;
                for (JsonNode choice : choices) {
                    if (!isType(choice, "null")) {
                        real = choice;
                        break;
                    }
                }
                if (real == null) {
                    return current;
                }
                current = real;
            } else {
                return current;
            }
        }
        return current;
    }
}
