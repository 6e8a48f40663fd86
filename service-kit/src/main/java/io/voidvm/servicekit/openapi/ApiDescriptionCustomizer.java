package io.voidvm.servicekit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the service's {@link ApiDescription} to the finished document: info title and description, the tag
 * list in the declared order with descriptions (any tag an operation uses but the service did not declare is
 * listed after them, bare, so a test can find it), {@code /internal/} operations under
 * {@value ApiDescription#INTERNAL_TAG}, and the example bodies.
 */
final class ApiDescriptionCustomizer implements GlobalOpenApiCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ApiDescriptionCustomizer.class);
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String INTERNAL_PREFIX = "/internal/";

    private final Optional<ApiDescription> description;
    private final Map<String, Object> requestExamples = new HashMap<>();
    private final Map<String, Object> responseExamples = new HashMap<>();

    ApiDescriptionCustomizer(Optional<ApiDescription> description) {
        this.description = description;
        JsonMapper json = JsonMapper.builder().build();
        description.ifPresent(api -> api.examples().forEach((operation, example) -> {
            if (example.request() != null) {
                requestExamples.put(operation, json.readValue(example.request(), Object.class));
            }
            if (example.response() != null) {
                responseExamples.put(operation, json.readValue(example.response(), Object.class));
            }
        }));
    }

    @Override
    public void customise(OpenAPI openApi) {
        description.ifPresent(api -> {
            if (openApi.getInfo() != null) {
                openApi.getInfo().title(api.title())
                        .description(api.description() + "\n\n" + ApiDescription.SHARED_RULES);
            }
        });
        Set<String> used = new LinkedHashSet<>();
        Set<String> examplesApplied = new LinkedHashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> customisePath(path, item, used, examplesApplied));
        }
        openApi.setTags(tags(openApi.getTags(), used));
        Set<String> stale = new LinkedHashSet<>(requestExamples.keySet());
        stale.addAll(responseExamples.keySet());
        stale.removeAll(examplesApplied);
        if (!stale.isEmpty()) {
            log.warn("OpenAPI examples name operations the document does not have: {}", stale);
        }
    }

    private void customisePath(String path, PathItem item, Set<String> used, Set<String> examplesApplied) {
        item.readOperationsMap().forEach((method, operation) -> {
            if (path.startsWith(INTERNAL_PREFIX)) {
                operation.setTags(new ArrayList<>(List.of(ApiDescription.INTERNAL_TAG)));
            }
            if (operation.getTags() != null) {
                used.addAll(operation.getTags());
            }
            String key = method.name() + " " + path;
            Object request = requestExamples.get(key);
            if (request != null && json(operation.getRequestBody() == null ? null
                    : operation.getRequestBody().getContent()) instanceof MediaType body) {
                body.setExample(request);
                examplesApplied.add(key);
            }
            Object response = responseExamples.get(key);
            if (response != null && success(operation) instanceof MediaType body) {
                body.setExample(response);
                examplesApplied.add(key);
            }
        });
    }

    private static MediaType success(Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        return operation.getResponses().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .map(ApiResponse::getContent)
                .map(ApiDescriptionCustomizer::json)
                .filter(media -> media != null)
                .findFirst().orElse(null);
    }

    private static MediaType json(Content content) {
        return content == null ? null : content.get(JSON);
    }

    /** Declared tags in order, then Internal, then whatever else operations use (springdoc's own, if any). */
    private List<Tag> tags(List<Tag> existing, Set<String> used) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        description.ifPresent(api -> api.tags().forEach(tag ->
                byName.put(tag.name(), new Tag().name(tag.name()).description(tag.description()))));
        if (used.contains(ApiDescription.INTERNAL_TAG)) {
            byName.putIfAbsent(ApiDescription.INTERNAL_TAG, new Tag().name(ApiDescription.INTERNAL_TAG)
                    .description(ApiDescription.INTERNAL_DESCRIPTION));
        }
        if (existing != null) {
            existing.forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
        }
        used.forEach(name -> byName.putIfAbsent(name, new Tag().name(name)));
        if (existing != null) {
            // springdoc lists the tags of the controllers; a tag nobody uses any more is dropped
            byName.keySet().removeIf(name -> !used.contains(name)
                    && description.map(api -> !api.tagNames().contains(name)).orElse(true));
        }
        return byName.isEmpty() ? null : new ArrayList<>(byName.values());
    }
}
