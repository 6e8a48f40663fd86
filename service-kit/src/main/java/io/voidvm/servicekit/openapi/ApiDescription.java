package io.voidvm.servicekit.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a service says about its own API in its OpenAPI document, declared once as a bean: the info text, its
 * tags (one per resource) in the order Swagger UI lists them, and example bodies of its main operations, kept
 * here so controllers carry only a {@code @Tag(name = ...)} and an {@code @Operation(summary = ...)}.
 * Operations under {@code /internal/} are tagged {@value #INTERNAL_TAG} by service-kit, listed last.
 *
 * @param title       the document's title, e.g. "voidVM compute API"
 * @param description what the API is for, in Markdown; service-kit adds a paragraph on tokens and problems
 * @param tags        the resource tags, in display order
 * @param examples    example bodies by operation ({@code "POST /api/v1/vms"})
 */
public record ApiDescription(String title, String description, List<ApiTag> tags, Map<String, Example> examples) {

    public static final String INTERNAL_TAG = "Internal";
    /** Said in every service's document, after its own description. */
    static final String SHARED_RULES = "Every route except the public ones takes a bearer JWT from the voidvm realm"
            + " (or an API token); errors are RFC 9457 problems (`application/problem+json`) with a stable `code`.";
    static final String INTERNAL_DESCRIPTION = "Service-to-service calls of platform clients (the admin role of the"
            + " `voidvm-platform` client). The gateway does not route `/internal/**`: not for tenants or browsers.";

    public ApiDescription {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
        examples = Map.copyOf(examples);
    }

    public static ApiDescription of(String title, String description, ApiTag... tags) {
        return new ApiDescription(title, description, List.of(tags), Map.of());
    }

    public static ApiTag tag(String name, String description) {
        return new ApiTag(name, description);
    }

    /** This description plus example bodies for {@code operation} ("METHOD /path"); either JSON may be null. */
    public ApiDescription withExample(String operation, String requestJson, String responseJson) {
        Map<String, Example> more = new LinkedHashMap<>(examples);
        if (more.put(operation, new Example(requestJson, responseJson)) != null) {
            throw new IllegalArgumentException("two examples for " + operation);
        }
        return new ApiDescription(title, description, tags, more);
    }

    List<String> tagNames() {
        List<String> names = new ArrayList<>();
        tags.forEach(tag -> names.add(tag.name()));
        return names;
    }

    /** One resource's tag. */
    public record ApiTag(String name, String description) {
        public ApiTag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    /** The JSON of an operation's example request body and of its success answer's body; either may be null. */
    public record Example(String request, String response) {
    }
}
