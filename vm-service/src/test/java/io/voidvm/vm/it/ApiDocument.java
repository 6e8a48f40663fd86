package io.voidvm.vm.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's own OpenAPI document, read as the operations a client can call: what {@link TenancyWalkIT} walks.
 * Plain JSON reading on purpose, so the walk depends on the published document and nothing else.
 */
record ApiDocument(JsonNode root, List<Operation> operations) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    static ApiDocument parse(byte[] json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), entry.getValue(), root));
            }
        }));
        return new ApiDocument(root, List.copyOf(operations));
    }

    /** One path × method of the document. */
    record Operation(String method, String path, JsonNode node, JsonNode root) {

        /** Documented as needing no token: an explicit empty {@code security} list (service-kit marks them). */
        boolean isPublic() {
            JsonNode security = node.has("security") ? node.path("security") : root.path("security");
            return security.isArray() && security.isEmpty();
        }

        boolean isInternal() {
            return path.startsWith("/internal/");
        }

        List<JsonNode> parameters(String in) {
            return node.path("parameters").valueStream()
                    .filter(parameter -> in.equals(parameter.path("in").asString())).toList();
        }

        boolean hasPathVariables() {
            return !parameters("path").isEmpty();
        }

        /** The request body's schema name, when the body is a named schema. */
        Optional<String> bodySchema() {
            if (!node.has("requestBody")) {
                return Optional.empty();
            }
            String ref = node.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asString();
            return Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
        }

        boolean bodyRequired() {
            return node.path("requestBody").path("required").asBoolean(false);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
