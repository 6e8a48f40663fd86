package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.OpenApiDocument;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.TenancyWalk;
import io.voidvm.systemtests.harness.Tenant;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The platform behind its gateway, every service from its fat jar: tenant quotas enforced by vm-service through
 * the real auth-service, and DESIGN 6's tenancy walk over the aggregated OpenAPI documents. Tenants A and B of the
 * walk are made for it; each quota test makes a tenant of its own, so none touches another's data.
 */
@OnSharedPlatform
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSystemIT {

    private static final String BOUNDARY = "platform-system-it-form";
    /**
     * Operations behind the gateway today (vm-service 14, auth-service 23, image-service 5, storage-service 10);
     * documents may grow, never shrink.
     */
    private static final int MIN_WALKED = 50;

    private SharedPlatform platform;
    private VoidvmApi alice;
    private VoidvmApi bob;
    private final Map<String, String> idsOfA = new HashMap<>();
    private final List<String> secretsOfA = new ArrayList<>();
    private List<OpenApiDocument> documents;
    private TenancyWalk walk;

    @BeforeAll
    void giveTenantAResources(SharedPlatform shared) {
        platform = shared;
        Tenant tenantA = platform.newTenant("walk-a");
        Tenant tenantB = platform.newTenant("walk-b");
        alice = tenantA.api();
        bob = tenantB.api();
        KeycloakTokens tokens = platform.tokens();

        String vmName = "walk-a-" + Long.toHexString(System.nanoTime());
        VoidvmApi.Response vm = alice.createVm(vmName, 64).expect(201);
        String operation = vm.header("Operation-Location");
        String token = alice.call("POST", "/api/v1/tokens", "{\"name\":\"walk-a-token\"}").expect(201)
                .body().path("token").path("id").asString();
        String aliceId = KeycloakTokens.claims(tokens.password(tenantA.user())).path("sub").asString();
        String imageName = "walk-a-image-" + Long.toHexString(System.nanoTime());
        // uploaded, so READY: its file can be downloaded like every other GET of A's resources answers
        String image = alice.call("POST", "/api/v1/images", "multipart/form-data; boundary=" + BOUNDARY,
                imageForm(imageName)).expect(201).id().toString();
        String pool = alice.call("GET", "/api/v1/storage", null).expect(200).body().path("items").path(0).path("id")
                .asString();
        String volumeName = "walk-a-volume-" + Long.toHexString(System.nanoTime());
        VoidvmApi.Response volume = alice.call("POST", "/api/v1/storage/" + pool + "/volumes",
                "{\"name\":\"" + volumeName + "\",\"sizeGb\":1}");
        assertThat(volume.status()).as("alice's volume: %s", volume.body()).isIn(201, 202);
        idsOfA.putAll(Map.of("vms", vm.id().toString(),
                "operations", operation.substring(operation.lastIndexOf('/') + 1),
                "tenants", tenantA.id(), "members", aliceId, "users", aliceId, "tokens", token,
                "images", image, "storage", pool, "volumes", volume.id().toString()));
        // dead letters are the platform's, no tenant's: every route of theirs answers 403 to A and B alike
        idsOfA.putAll(Map.of("dead-letters", "voidvm.vm.events.dlt", "partitions", "0", "records", "0"));
        // so are nodes (the nodes admin API, ADR 0012)
        idsOfA.put("nodes", platform.nodes().getFirst().name());
        secretsOfA.addAll(List.of(vmName, "walk-a-token", tenantA.email(), imageName, volumeName));

        JsonNode bobsProfile = bob.call("GET", "/api/v1/users/profile", null).expect(200).body();
        String bobId = KeycloakTokens.claims(tokens.password(tenantB.user())).path("sub").asString();
        // storage pools are platform-wide: every tenant sees them and keeps its own volumes in them
        walk = new TenancyWalk(idsOfA, Set.of("storage", "dead-letters", "partitions", "records", "nodes"),
                schema -> sampleBody(schema, bobsProfile, bobId, tenantB.id(), idsOfA.get("vms")));
        documents = aggregatedDocuments();
    }

    @Test
    @Order(1)
    void aCreateOverTheTenantsQuotaIsRefusedNamingItAndOneWithinIsAccepted() {
        Tenant tenant = platform.newTenant("quota");
        VoidvmApi member = tenant.api();
        platform.platformApi().call("PUT", "/api/v1/tenants/" + tenant.id() + "/quotas",
                "{\"vms\":1,\"vcpus\":4,\"memoryMb\":4096,\"diskGb\":100,\"images\":5,\"imageGb\":1}").expect(200);

        member.createVm("quota-1", 64).expect(201);
        JsonNode refused = member.createVm("quota-2", 64).expect(409).body();

        assertThat(refused.path("code").asString()).isEqualTo("quota-exceeded");
        assertThat(refused.path("quota").asString()).isEqualTo("vms");
        assertThat(refused.path("limit").asLong()).isEqualTo(1);
        assertThat(refused.path("used").asLong()).isEqualTo(1);
        assertThat(refused.path("requested").asLong()).isEqualTo(1);
        assertThat(member.listVms("limit=100").expect(200).body().path("items").size()).as("nothing written")
                .isEqualTo(1);
        await("usage reported to auth-service").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(used(member, "vms")).isEqualTo(1));
        assertThat(used(member, "vcpus")).isEqualTo(1);
        assertThat(used(member, "memoryMb")).isEqualTo(64);
    }

    @Test
    @Order(2)
    void everyServicePublishesItsDocumentThroughTheGatewayWithoutAToken() {
        assertThat(documents).extracting(OpenApiDocument::service)
                .containsExactlyInAnyOrderElementsOf(SharedPlatform.SERVICES.keySet());
        assertThat(walkable().size()).isGreaterThanOrEqualTo(MIN_WALKED);
        for (OpenApiDocument document : documents) {
            assertThat(document.root().path("servers").path(0).path("url").asString())
                    .as("%s's server is relative, so Swagger UI's calls go through the gateway", document.service())
                    .isEqualTo("/");
        }
    }

    @Test
    @Order(3)
    void tenantASeesItsOwnResourcesThroughTheGateway() {
        List<String> failures = new ArrayList<>();
        for (OpenApiDocument.Operation operation : walkable()) {
            if (operation.method().equals("GET") && operation.hasPathVariables()) {
                VoidvmApi.Response answer = walk.call(alice, operation);
                if (answer.status() != 200 && answer.status() != 403) {
                    failures.add(operation + " answered tenant A " + answer.status() + ": " + answer.body());
                }
            }
        }
        assertThat(failures).as("the walk's ids are A's real resources, routed by the gateway").isEmpty();
    }

    @Test
    @Order(4)
    void tenantBGetsNotFoundOrForbiddenOnEveryRouteAndSeesNothingOfA() {
        JsonNode vmBefore = alice.vm(java.util.UUID.fromString(idsOfA.get("vms"))).expect(200).body();
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (OpenApiDocument.Operation operation : walkable()) {
            walked++;
            VoidvmApi.Response answer = walk.call(bob, operation);
            int status = answer.status();
            String body = answer.body().toString();
            boolean namesAs = walk.namesTenantResource(operation);
            if (namesAs && status != 404 && status != 403) {
                failures.add(operation + " answered tenant B " + status + ": " + body);
            } else if (!namesAs && !(status >= 200 && status < 300) && status != 403) {
                failures.add(operation + " (a collection) answered tenant B " + status + ": " + body);
            } else if (status >= 400 && !TenancyWalk.isProblem(answer)) {
                failures.add(operation + " answered " + status + " without a problem document");
            }
            // a 404 may echo the id B asked for; a collection's answer must not name A's resources at all
            List<String> secrets = new ArrayList<>(secretsOfA);
            if (!namesAs) {
                secrets.addAll(walk.privateIdsOfA());
            }
            secrets.stream().filter(body::contains).forEach(secret ->
                    failures.add(operation + " showed tenant A's " + secret + " to tenant B: " + body));
            if (operation.method().equals("POST") && operation.path().equals("/api/v1/tokens") && status == 201) {
                bob.call("DELETE", "/api/v1/tokens/" + answer.body().path("token").path("id").asString(), null)
                        .expect(204);
            }
        }

        assertThat(failures).isEmpty();
        assertThat(walked).isGreaterThanOrEqualTo(MIN_WALKED);
        assertThat(alice.vm(java.util.UUID.fromString(idsOfA.get("vms"))).expect(200).body())
                .as("A's VM as it was").isEqualTo(vmBefore);
        assertThat(alice.call("GET", "/api/v1/tokens", null).expect(200).body().toString())
                .as("A's token still there").contains(idsOfA.get("tokens"));
        System.out.printf("PlatformSystemIT: walked %d operations of %d documents as another tenant%n", walked,
                documents.size());
    }

    @Test
    @Order(5)
    void noTokenIs401OnEveryRouteThroughTheGateway() {
        VoidvmApi anonymous = platform.anonymousApi();
        List<String> failures = new ArrayList<>();
        for (OpenApiDocument.Operation operation : walkable()) {
            VoidvmApi.Response answer = walk.call(anonymous, operation);
            if (answer.status() != 401 || !TenancyWalk.isProblem(answer)) {
                failures.add(operation + " answered " + answer.status() + " without a token: " + answer.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @Order(6)
    void aMultipartUploadThroughTheGatewayIsReadyAndAuthServicesImageGbQuotaRefusesBytesPastIt() {
        VoidvmApi admin = platform.platformApi();
        Tenant tenant = platform.newTenant("image-quota");
        VoidvmApi member = tenant.api();
        String quotas = "/api/v1/tenants/" + tenant.id() + "/quotas";
        String quota = "{\"vms\":1,\"vcpus\":4,\"memoryMb\":4096,\"diskGb\":100,\"images\":5,\"imageGb\":%d}";
        admin.call("PUT", quotas, quota.formatted(1)).expect(200);

        JsonNode ready = member.call("POST", "/api/v1/images", "multipart/form-data; boundary=" + BOUNDARY,
                imageForm("form-" + Long.toHexString(System.nanoTime()))).expect(201).body();
        assertThat(ready.path("status").asString()).as(ready.toString()).isEqualTo("READY");
        assertThat(ready.path("format").asString()).isEqualTo("raw");
        await("image usage reported to auth-service").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(used(member, "imageGb")).isEqualTo(1));

        admin.call("PUT", quotas, quota.formatted(0)).expect(200);
        JsonNode refused = member.call("POST", "/api/v1/images", "multipart/form-data; boundary=" + BOUNDARY,
                imageForm("over-" + Long.toHexString(System.nanoTime()))).expect(409).body();
        assertThat(refused.path("code").asString()).isEqualTo("quota-exceeded");
        assertThat(refused.path("quota").asString()).isEqualTo("imageGb");
        assertThat(refused.path("limit").asLong()).isZero();
    }

    /** A form of a metadata part and a 1 MiB raw disk (zeros: a valid raw image of whole sectors). */
    private static byte[] imageForm(String name) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"name\":\"" + name + "\",\"osType\":\"OTHER\"}\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"disk.img\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] start = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] form = new byte[start.length + 1024 * 1024 + end.length];
        System.arraycopy(start, 0, form, 0, start.length);
        System.arraycopy(end, 0, form, form.length - end.length, end.length);
        return form;
    }

    @Test
    @Order(9)
    void withAuthServiceDownACreateIsA503NamingItAndNothingIsWritten() {
        Tenant tenant = platform.newTenant("auth-down");
        VoidvmApi direct = new VoidvmApi(platform.service(SharedPlatform.VM_SERVICE).baseUrl(),
                () -> platform.tokens().password(tenant.user()));
        platform.service(SharedPlatform.AUTH_SERVICE).stop();
        try {
            JsonNode unavailable = direct.createVm("while-auth-is-down", 64).expect(503).body();

            assertThat(unavailable.path("code").asString()).isEqualTo("service-unavailable");
            assertThat(unavailable.path("service").asString()).isEqualTo("auth-service");
            assertThat(direct.listVms("limit=100").expect(200).body().path("items").toString())
                    .doesNotContain("while-auth-is-down");
        } finally {
            platform.startService(SharedPlatform.AUTH_SERVICE);
        }
    }

    /** Every operation of every document the gateway lists, but the internal ones it does not route. */
    private List<OpenApiDocument.Operation> walkable() {
        return documents.stream().flatMap(document -> document.operations().stream())
                .filter(operation -> !operation.isInternal() && !operation.isPublic()).toList();
    }

    /** The documents Swagger UI at /api/docs lists, each read through the gateway without a token. */
    private List<OpenApiDocument> aggregatedDocuments() {
        VoidvmApi anonymous = platform.anonymousApi();
        JsonNode urls = anonymous.call("GET", "/v3/api-docs/swagger-config", null).expect(200).body().path("urls");
        List<OpenApiDocument> all = new ArrayList<>();
        for (JsonNode url : urls) {
            JsonNode document = anonymous.call("GET", url.path("url").asString(), null).expect(200).body();
            assertThat(document.path("openapi").asString()).as(url.toString()).startsWith("3.");
            all.add(OpenApiDocument.of(url.path("name").asString(), document));
        }
        return List.copyOf(all);
    }

    private static long used(VoidvmApi user, String resource) {
        for (JsonNode usage : user.call("GET", "/api/v1/users/usage", null).expect(200).body().path("resources")) {
            if (usage.path("resource").asString().equals(resource)) {
                return usage.path("used").asLong();
            }
        }
        throw new AssertionError("no usage of " + resource);
    }

    /** Minimal valid bodies as tenant B would send them; B's profile is sent back unchanged. */
    private static Map<String, Object> sampleBody(String schema, JsonNode bobsProfile, String bobId, String tenantOfB,
                                                  String vmOfA) {
        String unique = Long.toHexString(System.nanoTime());
        return switch (schema) {
            case "CreateVmRequest" -> Map.of("name", "walk-b-" + unique, "cpuCores", 1, "memoryMb", 64,
                    "diskSizeGb", 1, "osType", "OTHER");
            case "UpdateVmRequest" -> Map.of("description", "changed by another tenant");
            case "CreateTenant" -> Map.of("id", "walk-b-" + unique, "displayName", "by another tenant");
            case "UpdateTenant" -> Map.of("displayName", "changed by another tenant");
            case "AddMember" -> Map.of("userId", bobId, "role", "owner");
            case "Amounts" -> Map.of("vms", 1000, "vcpus", 1000, "memoryMb", 1_000_000, "diskGb", 10_000,
                    "images", 1000, "imageGb", 1000);
            case "CreateTokenRequest" -> Map.of("name", "walk-b-" + unique);
            case "CreateImageRequest" -> Map.of("name", "walk-b-" + unique, "osType", "OTHER");
            case "CreatePoolRequest" -> Map.of("name", "walk-b-" + unique, "type", "DIR", "path", "walk-b",
                    "nodeName", "local", "capacityGb", 10);
            case "Create" -> Map.of("name", "walk-b-" + unique, "sizeGb", 1);
            case "Resize" -> Map.of("sizeGb", 2);
            case "Attach" -> Map.of("vmId", vmOfA);
            case "ReplayRequest" -> Map.of("partition", 0, "fromOffset", 0);
            case "UpdateNodeRequest" -> Map.of("cpuOvercommit", 64.0);
            case "CreateUser" -> Map.of("username", "walk-b-" + unique, "email", "walk-b-" + unique + "@example.com",
                    "firstName", "Walk", "lastName", "B", "tenantId", tenantOfB);
            case "UpdateProfile" -> {
                Map<String, Object> same = new LinkedHashMap<>();
                for (String field : List.of("firstName", "lastName", "email", "avatarUrl")) {
                    if (bobsProfile.hasNonNull(field)) {
                        same.put(field, bobsProfile.path(field).asString());
                    }
                }
                yield same;
            }
            default -> null;
        };
    }
}
