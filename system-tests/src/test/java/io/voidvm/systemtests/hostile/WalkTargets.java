package io.voidvm.systemtests.hostile;

import io.voidvm.systemtests.harness.OpenApiDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a documented operation into the valid request the hostile cases start from: the walk tenant's own
 * resource in every path variable (chosen by the collection before it, {@code /vms/{id}} → the tenant's VM), a
 * plain value for every required query parameter, and a valid body per request schema. A route the walk was not
 * taught still gets walked: a variable without a resource gets a made-up value, a schema without a body gets one
 * generated from the document, and each is noted in the summary, so that whoever adds the route can teach the walk.
 */
public final class WalkTargets {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("/([^/{}]+)/\\{([^/{}]+)}");

    private final Map<String, String> ids;
    private final Map<String, Map<String, Object>> bodies;
    private final Consumer<String> notes;

    /**
     * @param ids    a valid value per collection segment before a path variable ({@code vms} → a VM id)
     * @param bodies a valid body per request schema name
     * @param notes  where to say what the walk had to make up
     */
    public WalkTargets(Map<String, String> ids, Map<String, Map<String, Object>> bodies, Consumer<String> notes) {
        this.ids = Map.copyOf(ids);
        this.bodies = Map.copyOf(bodies);
        this.notes = notes;
    }

    public HostileCases.ValidRequest validRequest(OpenApiDocument.Operation operation) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Matcher matcher = VARIABLE.matcher(operation.path());
        while (matcher.find()) {
            String value = ids.get(matcher.group(1));
            if (value == null) {
                value = madeUp(operation, matcher.group(2));
                notes.accept(operation + ": no resource of the walk's for {" + matcher.group(2) + "} after /"
                        + matcher.group(1) + ", used '" + value + "' (its cases reach a 404 at best)");
            }
            pathValues.put(matcher.group(2), value);
        }
        Map<String, String> query = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (JsonNode parameter : operation.parameters("query")) {
            String name = parameter.path("name").asString();
            query.put(name, plain(parameter.path("schema")));
            if (parameter.path("required").asBoolean(false)) {
                required.add(name);
            }
        }
        ObjectNode body = null;
        List<String> fields = List.of();
        Optional<JsonNode> schema = jsonBodySchema(operation);
        if (schema.isPresent()) {
            RequestSchema request = new RequestSchema(operation.root(), schema.get());
            fields = request.stringFields();
            String name = operation.bodySchema().orElse("");
            Map<String, Object> known = bodies.get(name);
            if (known != null) {
                body = JSON.valueToTree(known);
            } else {
                body = request.sampleBody();
                notes.accept(operation + ": no valid body for schema '" + name + "', generated " + body);
            }
        }
        String rawType = operation.rawBodyType().orElse(null);
        return new HostileCases.ValidRequest(operation.method(), operation.path(), pathValues, query, required, body,
                rawType, fields);
    }

    private static Optional<JsonNode> jsonBodySchema(OpenApiDocument.Operation operation) {
        JsonNode schema = operation.node().path("requestBody").path("content").path("application/json")
                .path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    private static String madeUp(OpenApiDocument.Operation operation, String variable) {
        for (JsonNode parameter : operation.parameters("path")) {
            if (parameter.path("name").asString().equals(variable)) {
                return plain(parameter.path("schema"));
            }
        }
        return "hostile-walk";
    }

    private static String plain(JsonNode schema) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").path(0).asString();
        }
        return switch (schema.path("type").asString()) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "uuid".equals(schema.path("format").asString()) ? UUID.randomUUID().toString()
                    : "hostile-walk";
        };
    }
}
