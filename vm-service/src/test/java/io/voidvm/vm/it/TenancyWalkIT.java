package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN 6's proof that tenancy holds on every route: tenant A (acme) owns a VM and its operation; tenant B then
 * calls every operation of the service's own OpenAPI document with A's ids. A route added tomorrow is walked
 * without touching this class, and the walk refuses to run on a document that lists fewer routes than the
 * controllers serve. Routes with a path variable must answer B 404 (or 403); collection routes may answer B, but
 * only with B's own data; admin routes (the nodes API) answer 403. The same walk without a token is 401 everywhere
 * but on documented public routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyWalkIT extends VmServiceIT {

    /** vm-service's routes today; the document may grow, never shrink below this. */
    private static final int MIN_OPERATIONS = 15;
    private static final Pattern VARIABLE = Pattern.compile("/([^/{}]+)/\\{([^/{}]+)}");
    private static final String ADMIN_PREFIX = "/api/v1/nodes";

    private final String tenantA = "acme-" + newTenant();
    private final String tenantB = "globex-" + newTenant();
    private final String vmName = "walk-" + Long.toHexString(System.nanoTime());
    private UUID vmA;
    private UUID operationA;
    private String nodeA;
    private ApiDocument document;

    @BeforeAll
    void tenantAOwnsAVmAndTheDocumentIsPublished() throws IOException {
        bindClient();
        givenNode();
        EntityExchangeResult<Map> created = as(tenantA).post().uri("/api/v1/vms")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody(vmName))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult();
        Map<String, Object> vm = json(created.getResponseBody());
        vmA = id(vm);
        nodeA = (String) vm.get("nodeName");
        String operationLocation = created.getResponseHeaders().getFirst("Operation-Location");
        operationA = UUID.fromString(operationLocation.substring(operationLocation.lastIndexOf('/') + 1));
        assertThat(nodeA).as("placed, so node routes have a real node to name").isNotNull();

        byte[] json = anonymous().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        Path saved = Path.of("target", "openapi", "vm-service.json");
        Files.createDirectories(saved.getParent());
        Files.write(saved, json);
        document = ApiDocument.parse(json);
    }

    @Test
    void documentListsEveryRouteTheControllersServe() {
        Set<String> served = new TreeSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((mapping, handler) -> {
                    if (!handler.getBeanType().getName().startsWith("io.voidvm.")) {
                        return;   // springdoc's own /v3/api-docs and the like
                    }
                    assertThat(mapping.getMethodsCondition().getMethods())
                            .as("%s answers any method: the walk cannot cover it", handler).isNotEmpty();
                    mapping.getPatternsCondition().getPatterns().forEach(pattern -> mapping.getMethodsCondition()
                            .getMethods().forEach(method -> served.add(method.name() + " " + pattern)));
                });
        Set<String> documented = new TreeSet<>(document.operations().stream().map(Object::toString).toList());

        assertThat(documented).containsAll(served);
        assertThat(documented.size()).isGreaterThanOrEqualTo(served.size()).isGreaterThanOrEqualTo(MIN_OPERATIONS);
    }

    @Test
    void anotherTenantGetsNotFoundOnEveryRouteAndChangesNothing() {
        Map<String, Object> before = getVm(as(tenantA), vmA);
        long rowsBefore = rowsOfTenantA();
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (ApiDocument.Operation operation : document.operations()) {
            if (operation.isInternal()) {
                continue;
            }
            walked++;
            EntityExchangeResult<byte[]> answer = call(as(tenantB), operation);
            HttpStatusCode status = answer.getStatus();
            String body = text(answer);
            if (isAdminOnly(operation) && status.value() != 403) {
                failures.add(operation + " is for admins only, yet answered a user " + status + ": " + body);
            } else if (operation.hasPathVariables() && status.value() != 404 && status.value() != 403) {
                failures.add(operation + " answered tenant B " + status + ": " + body);
            } else if (!operation.hasPathVariables() && !isAdminOnly(operation) && !status.is2xxSuccessful()) {
                failures.add(operation + " (B's own collection) answered " + status + ": " + body);
            } else if (status.isError() && !isProblem(answer)) {
                failures.add(operation + " answered " + status + " without a problem document");
            }
            // a 404 may echo the id B asked for; only a collection answer must not name A's resources at all
            List<String> secrets = operation.hasPathVariables() ? List.of(tenantA, vmName)
                    : List.of(tenantA, vmName, vmA.toString(), operationA.toString());
            if (secrets.stream().anyMatch(body::contains)) {
                failures.add(operation + " showed tenant A's data to tenant B: " + body);
            }
        }

        assertThat(failures).isEmpty();
        assertThat(walked).as("operations walked as tenant B").isGreaterThanOrEqualTo(MIN_OPERATIONS - 1);
        Map<String, Object> after = getVm(as(tenantA), vmA);
        assertThat(after).as("A's VM as it was").isEqualTo(before);
        assertThat(rowsOfTenantA()).as("no operation, command or VM row added for A").isEqualTo(rowsBefore);
        System.out.printf("TenancyWalkIT: walked %d operations as another tenant%n", walked);
    }

    @Test
    void noTokenIs401EverywhereButOnDocumentedPublicRoutes() {
        List<String> failures = new ArrayList<>();
        for (ApiDocument.Operation operation : document.operations()) {
            EntityExchangeResult<byte[]> answer = call(anonymous(), operation);
            int status = answer.getStatus().value();
            if (operation.isPublic() ? status == 401 : status != 401 || !isProblem(answer)) {
                failures.add(operation + (operation.isPublic() ? " (public)" : "") + " answered " + status
                        + " without a token: " + text(answer));
            }
        }
        assertThat(failures).isEmpty();
        System.out.printf("TenancyWalkIT: walked %d operations without a token%n", document.operations().size());
    }

    @Test
    void internalRoutesAreForbiddenToPlainUsers() {
        List<ApiDocument.Operation> internal = document.operations().stream()
                .filter(ApiDocument.Operation::isInternal).toList();
        assertThat(internal).as("the node agents' resync is documented").isNotEmpty();
        for (ApiDocument.Operation operation : internal) {
            for (String tenant : List.of(tenantA, tenantB)) {
                EntityExchangeResult<byte[]> answer = call(as(tenant), operation);
                assertThat(answer.getStatus().value()).as("%s as a user of %s: %s", operation, tenant, text(answer))
                        .isEqualTo(403);
                assertThat(isProblem(answer)).isTrue();
            }
        }
    }

    private EntityExchangeResult<byte[]> call(WebTestClient client, ApiDocument.Operation operation) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(operation.method()))
                .uri(uri(operation));
        for (JsonNode header : operation.parameters("header")) {
            if (header.path("required").asBoolean(false)) {
                request.header(header.path("name").asString(), sample(header.path("schema")));
            }
        }
        if (operation.bodySchema().isPresent()) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(body(operation));
        }
        return request.exchange().expectBody().returnResult();
    }

    /** The path with every variable naming tenant A's resource of the collection before it. */
    private String uri(ApiDocument.Operation operation) {
        Matcher matcher = VARIABLE.matcher(operation.path());
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "vms" -> vmA.toString();
                case "operations" -> operationA.toString();
                case "nodes" -> nodeA;
                default -> throw new AssertionError("TenancyWalkIT has no tenant-A resource for {" + matcher.group(2)
                        + "} after /" + matcher.group(1) + " in " + operation + ": create one in the set-up");
            };
            matcher.appendReplacement(uri, Matcher.quoteReplacement("/" + matcher.group(1) + "/" + value));
        }
        matcher.appendTail(uri);
        assertThat(uri.toString()).as("every variable of %s replaced", operation).doesNotContain("{");
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters("query")) {
            if (parameter.path("required").asBoolean(false)) {
                query.append(query.isEmpty() ? '?' : '&').append(parameter.path("name").asString()).append('=')
                        .append(sample(parameter.path("schema")));
            }
        }
        return uri + query.toString();
    }

    /** A minimal valid body per documented request schema: a new schema must be taught here, or the walk fails. */
    private Map<String, Object> body(ApiDocument.Operation operation) {
        String schema = operation.bodySchema().orElseThrow();
        return switch (schema) {
            case "CreateVmRequest" -> vmBody("walk-b-" + Long.toHexString(System.nanoTime()));
            case "UpdateVmRequest" -> Map.of("description", "changed by another tenant");
            case "UpdateNodeRequest" -> Map.of("cpuOvercommit", 64.0);
            default -> throw new AssertionError("TenancyWalkIT has no sample body for " + schema + " (" + operation
                    + "): add a minimal valid one");
        };
    }

    /** A harmless value for a required header or query parameter the walk has no better value for. */
    private static String sample(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "uuid".equals(schema.path("format").asString()) ? UUID.randomUUID().toString() : "x";
        };
    }

    private long rowsOfTenantA() {
        return count("SELECT (SELECT count(*) FROM vms WHERE tenant_id = :t)"
                + " + (SELECT count(*) FROM operations WHERE tenant_id = :t)"
                + " + (SELECT count(*) FROM outbox WHERE message_key = :vm)",
                Map.of("t", tenantA, "vm", vmA.toString()));
    }

    /** The nodes API: a 403 for every non-admin, collection or not, as on auth-service's admin routes. */
    private static boolean isAdminOnly(ApiDocument.Operation operation) {
        return operation.path().startsWith(ADMIN_PREFIX);
    }

    private static boolean isProblem(EntityExchangeResult<byte[]> answer) {
        MediaType type = answer.getResponseHeaders().getContentType();
        return type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
    }

    private static String text(EntityExchangeResult<byte[]> answer) {
        byte[] body = answer.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
