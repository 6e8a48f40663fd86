package io.voidvm.servicekit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.voidvm.servicekit.problem.domain.ProblemType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Adds what every voidVM API shares to the finished document: the bearer-JWT scheme (required everywhere but on
 * the paths service-kit's security leaves open, which are marked {@code security: []}), the RFC 9457 problem
 * schema, and the problem answers each operation can give. Answers a controller documents itself are kept.
 */
final class VoidvmOpenApiCustomizer implements GlobalOpenApiCustomizer {

    static final String BEARER_SCHEME = "bearer-jwt";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_VIOLATION_SCHEMA = "FieldViolation";

    private final List<PathPattern> publicPaths;

    VoidvmOpenApiCustomizer(List<String> publicPaths) {
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token from the voidvm Keycloak realm (audience voidvm-api), or an API token."));
        if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
        }
        components.addSchemas(FIELD_VIOLATION_SCHEMA, fieldViolation());
        components.addSchemas(PROBLEM_SCHEMA, problem());
        for (ProblemAnswer answer : ProblemAnswer.values()) {
            components.addResponses(answer.component(), response(answer.description()));
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach(this::customisePath);
        }
    }

    private void customisePath(String path, PathItem item) {
        boolean open = isPublic(path);
        boolean internal = path.startsWith("/internal/");
        item.readOperationsMap().forEach((method, operation) -> {
            if (open) {
                operation.setSecurity(List.of());   // an explicit empty list: no token needed
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            for (ProblemAnswer answer : ProblemAnswer.values()) {
                if (answer.appliesTo(method, operation, open, internal)) {
                    responses.putIfAbsent(answer.status(),
                            new ApiResponse().$ref("#/components/responses/" + answer.component()));
                }
            }
        });
    }

    private boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static ApiResponse response(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(Schemas.ref(PROBLEM_SCHEMA))));
    }

    private static io.swagger.v3.oas.models.media.Schema<Object> fieldViolation() {
        return Schemas.object()
                .description("One invalid field or parameter.")
                .addProperty("field", Schemas.string().description("JSON path of the body field, or the parameter"))
                .addProperty("message", Schemas.string().description("What is wrong, for humans"))
                .required(List.of("field", "message"));
    }

    /** RFC 9457 members, then voidVM's: a stable {@code code}, the trace id and per-field errors. */
    private static io.swagger.v3.oas.models.media.Schema<Object> problem() {
        var code = Schemas.string().description("Stable machine code: clients switch on it.");
        code.setEnum(Arrays.stream(ProblemType.values()).map(type -> (Object) type.code()).toList());
        return Schemas.object()
                .description("An RFC 9457 problem. Further members may appear (for example `currentState`).")
                .addProperty("type", Schemas.string().format("uri")
                        .description("Identifies the kind of problem: " + ProblemType.TYPE_BASE + "<code>"))
                .addProperty("title", Schemas.string())
                .addProperty("status", Schemas.integer())
                .addProperty("detail", Schemas.string().description("Safe for clients; never holds secrets."))
                .addProperty("instance", Schemas.string().description("The request path"))
                .addProperty("code", code)
                .addProperty("traceId", Schemas.string())
                .addProperty("errors", Schemas.array(Schemas.ref(FIELD_VIOLATION_SCHEMA))
                        .description("Present on validation-failed: each invalid field"))
                .required(List.of("type", "title", "status", "code"))
                .additionalProperties(Boolean.TRUE)
                .example(Map.of("type", ProblemType.NOT_FOUND.uri().toString(), "title", ProblemType.NOT_FOUND.title(),
                        "status", 404, "detail", "VM 0190c7e0-0000-7000-8000-000000000000 not found",
                        "instance", "/api/v1/vms/0190c7e0-0000-7000-8000-000000000000", "code",
                        ProblemType.NOT_FOUND.code()));
    }
}
