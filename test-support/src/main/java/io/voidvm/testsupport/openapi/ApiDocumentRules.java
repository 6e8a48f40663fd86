package io.voidvm.testsupport.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes a service's OpenAPI document read like a product's, checked on the published JSON so a new route
 * that lacks any of it fails its service's test: every operation has a summary and is tagged by resource with a
 * tag the document lists with a description (never springdoc's {@code *-controller} default), documents at least
 * one 4xx answer as an {@code application/problem+json} problem, and a JSON request body carries an example.
 */
public final class ApiDocumentRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocumentRules() {
    }

    /** Each broken rule as "METHOD /path: what is missing"; empty when the document keeps them all. */
    public static List<String> violations(byte[] document) {
        JsonNode root = JsonMapper.builder().build().readTree(document);
        List<String> violations = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (JsonNode tag : root.path("tags")) {
            declared.add(tag.path("name").asString());
            if (tag.path("description").asString().isBlank()) {
                violations.add("tag '" + tag.path("name").asString() + "' has no description");
            }
        }
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                check(entry.getKey().toUpperCase() + " " + path.getKey(), entry.getValue(), root, declared,
                        violations);
            }
        }));
        return violations;
    }

    /** The tag names the document lists, in its order: what Swagger UI shows as groups. */
    public static List<String> tags(byte[] document) {
        return JsonMapper.builder().build().readTree(document).path("tags").valueStream()
                .map(tag -> tag.path("name").asString()).toList();
    }

    private static void check(String operation, JsonNode node, JsonNode root, Set<String> declared,
                              List<String> violations) {
        if (node.path("summary").asString().isBlank()) {
            violations.add(operation + ": no summary");
        }
        List<String> tags = node.path("tags").valueStream().map(JsonNode::asString).toList();
        if (tags.isEmpty()) {
            violations.add(operation + ": no tag");
        }
        for (String tag : tags) {
            if (tag.endsWith("-controller")) {
                violations.add(operation + ": tagged after its controller class (" + tag + ")");
            } else if (!declared.contains(tag)) {
                violations.add(operation + ": tag '" + tag + "' is not one the document lists");
            }
        }
        boolean problem = node.path("responses").properties().stream()
                .filter(response -> response.getKey().startsWith("4"))
                .anyMatch(response -> resolve(response.getValue(), root).path("content").has(PROBLEM_JSON));
        if (!problem) {
            violations.add(operation + ": no 4xx problem answer");
        }
        JsonNode json = node.path("requestBody").path("content").path("application/json");
        if (!json.isMissingNode() && !json.has("example") && !json.has("examples")) {
            violations.add(operation + ": JSON request body without an example");
        }
    }

    private static JsonNode resolve(JsonNode response, JsonNode root) {
        String ref = response.path("$ref").asString();
        if (!ref.startsWith("#/components/responses/")) {
            return response;
        }
        return root.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
