package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.openapi.ApiDocumentRules;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** vm-service's published OpenAPI document says what the controllers really take and answer. */
class ApiDocumentIT extends VmServiceIT {

    private byte[] json;
    private ApiDocument document;

    @BeforeEach
    void fetch() {
        json = anonymous().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        document = ApiDocument.parse(json);
    }

    @Test
    void readsLikeAProductsDocumentGroupedByResource() {
        assertThat(ApiDocumentRules.violations(json)).isEmpty();
        assertThat(ApiDocumentRules.tags(json)).containsExactly("VMs", "VM log", "Operations", "Nodes", "Internal");
        assertThat(document.root().path("info").path("title").asString()).contains("compute API");
        assertThat(find("POST", "/api/v1/vms").node().path("requestBody").path("content").path("application/json")
                .path("example").path("name").asString()).isEqualTo("web-1");
        assertThat(find("POST", "/api/v1/vms").node().path("responses").path("422").path("$ref").asString())
                .as("Idempotency-Key reuse").endsWith("/IdempotencyKeyReused");
        assertThat(find("GET", "/internal/v1/nodes/{node}/desired-state").node().path("tags").path(0).asString())
                .isEqualTo("Internal");
    }

    @Test
    void everySuccessAnswerHasAJsonSchemaNotRawBytes() {
        for (ApiDocument.Operation operation : document.operations()) {
            List<String> successes = operation.node().path("responses").propertyNames().stream()
                    .filter(code -> code.startsWith("2")).toList();
            assertThat(successes).as("%s documents one success", operation).hasSize(1);
            JsonNode schema = operation.node().path("responses").path(successes.getFirst()).path("content")
                    .path("application/json").path("schema");
            assertThat(schema.path("$ref").asString()).as("%s answers a named schema: %s", operation, schema)
                    .startsWith("#/components/schemas/");
        }
    }

    @Test
    void createIs201WithTheVmAndActionsAre202WithTheOperation() {
        assertThat(success(find("POST", "/api/v1/vms"), "201")).endsWith("/VmView");
        assertThat(success(find("DELETE", "/api/v1/vms/{id}"), "202")).endsWith("/OperationView");
        for (String action : List.of("start", "stop", "pause", "resume", "reset", "reboot")) {
            assertThat(success(find("POST", "/api/v1/vms/{id}/" + action), "202")).endsWith("/OperationView");
        }
        assertThat(success(find("GET", "/api/v1/vms/{id}"), "200")).endsWith("/VmView");
    }

    @Test
    void parametersAreWhatClientsSend() {
        ApiDocument.Operation list = find("GET", "/api/v1/vms");
        assertThat(list.parameters("query").stream().map(p -> p.path("name").asString()))
                .containsExactlyInAnyOrder("status", "name", "sort", "limit", "cursor");
        assertThat(find("POST", "/api/v1/vms/{id}/stop").parameters("query").getFirst().path("name").asString())
                .isEqualTo("force");
        assertThat(find("PATCH", "/api/v1/vms/{id}").parameters("header").getFirst().path("name").asString())
                .isEqualTo("If-Match");
        assertThat(find("POST", "/api/v1/vms").bodySchema()).hasValue("CreateVmRequest");
        JsonNode create = document.root().path("components").path("schemas").path("CreateVmRequest");
        assertThat(create.path("properties").propertyNames()).containsExactlyInAnyOrder("name", "description",
                "cpuCores", "memoryMb", "diskSizeGb", "imageId", "networkIds", "osType");
        for (ApiDocument.Operation operation : document.operations()) {
            assertThat(operation.node().path("parameters").valueStream().map(p -> p.path("name").asString()))
                    .as("%s: the caller comes from the token", operation).doesNotContain("caller", "page");
        }
    }

    @Test
    void theNodesApiIsTaggedSummarisedAndForAdminsOnly() {
        List<ApiDocument.Operation> nodes = document.operations().stream()
                .filter(operation -> operation.path().startsWith("/api/v1/nodes")).toList();

        assertThat(nodes).extracting(Object::toString).containsExactlyInAnyOrder("GET /api/v1/nodes",
                "GET /api/v1/nodes/{name}", "PATCH /api/v1/nodes/{name}", "POST /api/v1/nodes/{name}/cordon",
                "POST /api/v1/nodes/{name}/uncordon", "POST /api/v1/nodes/{name}/drain");
        for (ApiDocument.Operation operation : nodes) {
            assertThat(operation.node().path("tags").valueStream().map(JsonNode::asString)).as("%s", operation)
                    .containsExactly("Nodes");
            assertThat(operation.node().path("summary").asString()).as("%s", operation).isNotBlank();
            assertThat(operation.node().path("responses").has("403")).as("%s documents its 403", operation).isTrue();
        }
        assertThat(find("PATCH", "/api/v1/nodes/{name}").bodySchema()).hasValue("UpdateNodeRequest");
        assertThat(find("POST", "/api/v1/nodes/{name}/drain").parameters("query").getFirst().path("name").asString())
                .isEqualTo("stopVms");
        assertThat(find("DELETE", "/api/v1/vms/{id}").parameters("query").getFirst().path("name").asString())
                .isEqualTo("force");
    }

    private ApiDocument.Operation find(String method, String path) {
        return document.operations().stream()
                .filter(operation -> operation.method().equals(method) && operation.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError(method + " " + path + " not documented"));
    }

    private static String success(ApiDocument.Operation operation, String status) {
        return operation.node().path("responses").path(status).path("content").path("application/json")
                .path("schema").path("$ref").asString();
    }
}
