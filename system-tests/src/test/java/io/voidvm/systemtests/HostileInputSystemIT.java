package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.systemtests.harness.AccessTokens;
import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.OpenApiDocument;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.Tenant;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.systemtests.hostile.HostileCases;
import io.voidvm.systemtests.hostile.HostileWalk;
import io.voidvm.systemtests.hostile.ListedItems;
import io.voidvm.systemtests.hostile.RawHttp;
import io.voidvm.systemtests.hostile.TenantRows;
import io.voidvm.systemtests.hostile.WalkTargets;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's hostile-input walk: every operation of every service's OpenAPI document, read from the gateway
 * ({@code /api/docs/<service>}), called through the gateway with input a client should never send (see
 * {@link io.voidvm.systemtests.hostile.HostileCases}), as a tenant of its own and, where the tenant is refused with
 * 403, as the admin. No answer may be a 5xx, every error must be a problem document, and a refused request must not
 * have written a row of the tenant in any service's tables. Every failure is listed (also in
 * {@code target/hostile-walk.txt}), not only the first.
 *
 * <p>The gateway's rate limits do not interfere: the shared platform raises them for every test
 * ({@code PlatformWiring#gateway}), and the walk's requests (a few thousand) would otherwise trip the shipped
 * 600 per user and minute.
 */
@OnSharedPlatform
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputSystemIT {

    /** Operations behind the gateway in the documents today (and 8 internal ones); documents may grow. */
    private static final int MIN_OPERATIONS = 62;
    private static final Duration WALK_BUDGET = Duration.ofMinutes(3);
    private static final Path REPORT = Path.of("target", "hostile-walk.txt");

    private SharedPlatform platform;
    private Tenant tenant;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Map<String, Object>> bodies = new HashMap<>();
    private Connection database;

    @BeforeAll
    void giveTheTenantOneOfEverything(SharedPlatform shared) throws SQLException {
        platform = shared;
        database = platform.database();
        tenant = platform.newTenant("hostile");
        VoidvmApi member = tenant.api();
        VoidvmApi admin = platform.platformApi();
        String unique = Long.toHexString(System.nanoTime());

        // a second member, for the routes that change or remove a member or user (never the walk's own user)
        JsonNode target = admin.call("POST", "/api/v1/admin/users", "{\"username\":\"hostile-target-" + unique
                + "\",\"email\":\"hostile-target-" + unique + "@tenants.example\",\"firstName\":\"Target\","
                + "\"lastName\":\"User\",\"tenantId\":\"" + tenant.id() + "\"}").expect(201).body();
        String targetUser = target.path("user").path("id").asString();
        VoidvmApi.Response created = member.createVm("hostile-" + unique, SharedPlatform.GUEST_MEMORY_MB).expect(201);
        UUID vm = created.id();
        String operationLocation = created.header("Operation-Location");
        String operation = operationLocation.substring(operationLocation.lastIndexOf('/') + 1);
        VmDriver.requireSucceeded(tenant.vms().awaitFinished(UUID.fromString(operation)), "the walk's VM");
        String token = member.call("POST", "/api/v1/tokens", "{\"name\":\"hostile-" + unique + "\"}").expect(201)
                .body().path("token").path("id").asString();
        String image = member.call("POST", "/api/v1/images", "{\"name\":\"hostile-" + unique
                + "\",\"osType\":\"OTHER\"}").expect(201).id().toString();
        String pool = member.call("GET", "/api/v1/storage", null).expect(200).body().path("items").path(0)
                .path("id").asString();
        VoidvmApi.Response volume = member.call("POST", "/api/v1/storage/" + pool + "/volumes",
                "{\"name\":\"hostile-" + unique + "\",\"sizeGb\":1}");
        assertThat(volume.status()).as("the walk's volume: %s", volume.body()).isIn(201, 202);
        String volumeId = volume.id().toString();
        await("the walk's volume available").atMost(Duration.ofSeconds(60)).until(() -> "AVAILABLE".equals(
                member.call("GET", "/api/v1/storage/" + pool + "/volumes/" + volumeId, null).text("status")));

        ids.putAll(Map.of("vms", vm.toString(), "tenants", tenant.id(), "usage", tenant.id(), "members", targetUser,
                "users", targetUser, "tokens", token, "images", image, "storage", pool, "volumes", volumeId));
        ids.put("operations", operation);
        // platform-wide resources other tests rely on get names that do not exist: an accepted hostile request
        // must not cordon a node or replay dead letters under another test's feet (the handler answers 404)
        ids.putAll(Map.of("nodes", "hostile-walk-no-such-node", "dead-letters", "voidvm.hostile-walk.dlt",
                "partitions", "0", "records", "0", "blobs", "0".repeat(64)));
        String role = roleOf(admin, targetUser);
        JsonNode quotas = member.call("GET", "/api/v1/tenants/" + tenant.id() + "/quotas", null).expect(200).body();
        JsonNode profile = member.call("GET", "/api/v1/users/profile", null).expect(200).body();
        bodies.putAll(validBodies(tenant.id(), targetUser, role, quotas.path("limits"), profile,
                vm.toString()));
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyOperationOfEveryDocumentRefusesHostileInputWithAProblemAndWritesNothing() {
        List<OpenApiDocument> documents = documents();
        TenantRows rows = TenantRows.of(database, SharedPlatform.SERVICES.values(), tenant.id());
        RawHttp http = new RawHttp(platform.gateway().baseUrl());
        HostileWalk.Caller tenantCaller = new HostileWalk.Caller("tenant",
                new AccessTokens(platform.tokens(), tenant.user()));
        HostileWalk walk = new HostileWalk(http, tenantCaller,
                new HostileWalk.Caller("admin", AccessTokens.of(platform.tokens(), VoidvmRealm.PLATFORM)), rows);
        WalkTargets targets = new WalkTargets(ids, bodies, walk::note);
        List<Map.Entry<String, OpenApiDocument.Operation>> operations = ordered(documents);
        List<HostileCases.ValidRequest> requests = operations.stream()
                .map(entry -> targets.validRequest(entry.getValue())).toList();
        ListedItems listed = new ListedItems(http, tenantCaller, requests);

        TenantRows.Snapshot beforeProbe = rows.read();
        tenant.api().call("POST", "/api/v1/tokens", "{\"name\":\"hostile-probe\"}").expect(201);
        assertThat(rows.read().changesSince(beforeProbe)).as("the row count sees an accepted write").isNotEmpty();

        Instant start = Instant.now();
        walk.begin();
        Map<String, Integer> listedBefore = listed.read();
        for (int i = 0; i < operations.size(); i++) {
            walk.walk(operations.get(i).getKey(), requests.get(i));
        }
        walk.walkEdge(SharedPlatform.GATEWAY, HostileCases.edge());
        Map<String, Integer> listedAfter = listed.read();
        Duration took = Duration.between(start, Instant.now());

        String failures = walk.failures().stream().map(HostileWalk.Failure::toString)
                .collect(Collectors.joining("\n  ", "\n  ", "\n"));
        String report = walk.summary(took) + "operations walked: " + operations.size() + " of " + documents.size()
                + " documents; tables watched: " + rows.tables() + "\nfailures (method target | case | caller |"
                + " status | what | body):" + failures;
        System.out.println(report);
        write(report);
        long routed = operations.stream().filter(entry -> !entry.getValue().isInternal()).count();
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(walk.failures()).as("%d wrong answers of %d requests:%s", walk.failures().size(),
                    walk.requests(), failures).isEmpty();
            if (walk.acceptedWrites() == 0) {
                softly.assertThat(listedAfter).as("the tenant's lists after a walk that wrote nothing")
                        .isEqualTo(listedBefore);
            } else {
                System.out.printf("%d hostile writes were accepted: the tenant's lists went from %s to %s%n",
                        walk.acceptedWrites(), listedBefore, listedAfter);
            }
            softly.assertThat(routed).as("operations behind the gateway").isGreaterThanOrEqualTo(MIN_OPERATIONS);
            softly.assertThat(took).as("the walk's time").isLessThan(WALK_BUDGET);
        });
    }

    @Test
    void anAdminSeesTheTenantsOfTheDemoUsers() {
        VoidvmApi admin = platform.platformApi();
        Set<String> demoTenants = Set.of(VoidvmRealm.DEMO.tenant(), VoidvmRealm.ALICE.tenant(),
                VoidvmRealm.BOB.tenant());
        // auth-service may adopt the realm's tenants just after it started: give it a little while
        await("the demo users' tenants listed").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tenantIds(admin)).as("GET /api/v1/tenants as the admin").containsAll(demoTenants));
        for (String id : demoTenants) {
            assertThat(admin.call("GET", "/api/v1/tenants/" + id, null).expect(200).text("id")).isEqualTo(id);
        }
    }

    /** Every page of {@code GET /api/v1/tenants}. */
    private static List<String> tenantIds(VoidvmApi admin) {
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = admin.call("GET", "/api/v1/tenants?limit=100" + (cursor == null ? "" : "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null).expect(200).body();
            page.path("items").forEach(item -> listed.add(item.path("id").asString()));
            cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
        } while (cursor != null && !cursor.isEmpty());
        return listed;
    }

    /** The document of every service, through the gateway without a token, as Swagger UI reads it. */
    private List<OpenApiDocument> documents() {
        VoidvmApi anonymous = platform.anonymousApi();
        List<OpenApiDocument> documents = new ArrayList<>();
        for (String service : SharedPlatform.SERVICES.keySet()) {
            JsonNode document = anonymous.call("GET", "/api/docs/" + service, null).expect(200).body();
            assertThat(document.path("openapi").asString()).as(service).startsWith("3.");
            documents.add(OpenApiDocument.of(service, document));
        }
        return documents;
    }

    /**
     * Every operation, those that delete last: an accepted hostile DELETE would take away a resource the other
     * operations' cases need to reach their handlers.
     */
    private static List<Map.Entry<String, OpenApiDocument.Operation>> ordered(List<OpenApiDocument> documents) {
        List<Map.Entry<String, OpenApiDocument.Operation>> operations = new ArrayList<>();
        documents.forEach(document -> document.operations().forEach(operation ->
                operations.add(Map.entry(document.service(), operation))));
        operations.sort(Comparator.comparing(entry -> entry.getValue().method().equals("DELETE")));
        return operations;
    }

    /** The member's role in the walk's tenant, so that an accepted AddMember changes nothing. */
    private String roleOf(VoidvmApi admin, String userId) {
        for (JsonNode member : admin.call("GET", "/api/v1/tenants/" + tenant.id() + "/members", null).expect(200)
                .body().path("items")) {
            if (member.path("userId").asString().equals(userId)) {
                return member.path("role").asString();
            }
        }
        return "member";
    }

    /**
     * A valid body per request schema; where accepting it would change something, it changes nothing (the same
     * quotas, profile and role as now). Names that must be unique carry {@link HostileCases#UNIQUE}: each request
     * gets names of its own.
     */
    private static Map<String, Map<String, Object>> validBodies(String tenantId, String targetUser,
                                                                String role, JsonNode quotas, JsonNode profile,
                                                                String vm) {
        Map<String, Map<String, Object>> bodies = new HashMap<>();
        bodies.put("CreateVmRequest", Map.of("name", "hostile-vm-" + HostileCases.UNIQUE, "cpuCores", 1, "memoryMb",
                SharedPlatform.GUEST_MEMORY_MB, "diskSizeGb", 1, "osType", "OTHER"));
        bodies.put("UpdateVmRequest", Map.of("description", "hostile walk"));
        bodies.put("CreateTenant", Map.of("id", "hostile-tenant-" + HostileCases.UNIQUE, "displayName", "hostile walk"));
        bodies.put("UpdateTenant", Map.of("displayName", "hostile"));
        bodies.put("AddMember", Map.of("userId", targetUser, "role", role));
        Map<String, Object> amounts = new LinkedHashMap<>();
        for (String quota : List.of("vms", "vcpus", "memoryMb", "diskGb", "images", "imageGb")) {
            amounts.put(quota, quotas.path(quota).asLong(1000));
        }
        bodies.put("Amounts", amounts);
        bodies.put("CreateTokenRequest", Map.of("name", "hostile-token-" + HostileCases.UNIQUE));
        bodies.put("CreateImageRequest", Map.of("name", "hostile-image-" + HostileCases.UNIQUE, "osType", "OTHER"));
        bodies.put("CreatePoolRequest", Map.of("name", "hostile-pool-" + HostileCases.UNIQUE, "type", "DIR", "path",
                "hostile-" + HostileCases.UNIQUE, "nodeName", "hostile-walk-no-such-node", "capacityGb", 1));
        bodies.put("Create", Map.of("name", "hostile-volume-" + HostileCases.UNIQUE, "sizeGb", 1));
        bodies.put("Resize", Map.of("sizeGb", 2));
        bodies.put("Attach", Map.of("vmId", vm));
        bodies.put("ReplayRequest", Map.of("partition", 0, "fromOffset", 0));
        bodies.put("UpdateNodeRequest", Map.of("cpuOvercommit", 24.0));
        bodies.put("CreateUser", Map.of("username", "hostile-user-" + HostileCases.UNIQUE, "email", "hostile-user-" + HostileCases.UNIQUE
                + "@tenants.example", "firstName", "Hostile", "lastName", "Walk", "tenantId", tenantId));
        Map<String, Object> sameProfile = new LinkedHashMap<>();
        for (String field : List.of("firstName", "lastName", "email", "avatarUrl")) {
            if (profile.hasNonNull(field)) {
                sameProfile.put(field, profile.path(field).asString());
            }
        }
        bodies.put("UpdateProfile", sameProfile);
        return bodies;
    }

    private static void write(String report) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + REPORT, e);
        }
    }
}
