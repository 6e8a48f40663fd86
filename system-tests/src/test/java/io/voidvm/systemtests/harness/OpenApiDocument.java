package io.voidvm.systemtests.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One service's published OpenAPI document read as the operations a client can call (the approach of
 * vm-service's TenancyWalkIT, here for any service): plain JSON, so a walk depends on the document alone.
 */
public record OpenApiDocument(String service, JsonNode root, List<Operation> operations) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    public static OpenApiDocument of(String service, JsonNode root) {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(new Operation(service, entry.getKey().toUpperCase(), path.getKey(), entry.getValue(),
                        root));
            }
        }));
        return new OpenApiDocument(service, root, List.copyOf(operations));
    }

    /** One path × method of a service's document. */
    public record Operation(String service, String method, String path, JsonNode node, JsonNode root) {

        /** Documented as needing no token: an explicit empty {@code security} list. */
        public boolean isPublic() {
            JsonNode security = node.has("security") ? node.path("security") : root.path("security");
            return security.isArray() && security.isEmpty();
        }

        /** Service-to-service routes: the gateway does not route them. */
        public boolean isInternal() {
            return path.startsWith("/internal/");
        }

        public List<JsonNode> parameters(String in) {
            return node.path("parameters").valueStream()
                    .filter(parameter -> in.equals(parameter.path("in").asString())).toList();
        }

        public boolean hasPathVariables() {
            return path.contains("{");
        }

        /** The request body's schema name, when there is a JSON body. */
        public Optional<String> bodySchema() {
            if (!node.has("requestBody") || !node.path("requestBody").path("content").has("application/json")) {
                return Optional.empty();
            }
            String ref = node.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asString();
            return Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
        }

        /**
         * The request body's media type when it is not JSON (e.g. an upload's octet-stream, preferred over the
         * multipart form of the same upload: a raw body is what the walk can send).
         */
        public Optional<String> rawBodyType() {
            JsonNode content = node.path("requestBody").path("content");
            if (content.isMissingNode() || content.has("application/json")) {
                return Optional.empty();
            }
            if (content.has("application/octet-stream")) {
                return Optional.of("application/octet-stream");
            }
            return content.propertyNames().stream().findFirst();
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + service + ")";
        }
    }
}
