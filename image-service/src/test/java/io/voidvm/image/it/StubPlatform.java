package io.voidvm.image.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What image-service talks to besides PostgreSQL, on 127.0.0.1: the token issuer (a JWK set and a client-credentials
 * token endpoint, RS256 tokens shaped like Keycloak's), storage-service's dependents endpoint and auth-service's
 * quota API (checks and usage reports, decided like auth-service decides them). It stands in for them over real
 * HTTP, so the real client adapters run; auth-service's own ITs prove its side against the real thing.
 */
public final class StubPlatform {

    public static final String CLIENT_ID = "voidvm-platform";
    public static final String CLIENT_SECRET = "stub-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static StubPlatform shared;

    private final RSAKey key;
    private final HttpServer server;
    private final Map<String, String> dependents = new ConcurrentHashMap<>();
    private final AtomicBoolean storageDown = new AtomicBoolean();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String lastStorageAuthorization;
    private final Map<String, Map<String, Long>> limits = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> usage = new ConcurrentHashMap<>();
    private final AtomicBoolean authDown = new AtomicBoolean();
    private final AtomicInteger quotaChecks = new AtomicInteger();

    private StubPlatform() {
        try {
            key = new RSAKeyGenerator(2048).keyID("stub").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "stub-platform");
            thread.setDaemon(true);
            return thread;
        }));
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        server.createContext("/realms/voidvm/protocol/openid-connect/certs", exchange -> respond(exchange, 200, jwks));
        server.createContext("/realms/voidvm/protocol/openid-connect/token", this::token);
        server.createContext("/internal/v1/images/", this::dependents);
        server.createContext("/internal/v1/quota-checks", this::quotaCheck);
        server.createContext("/internal/v1/usage/", this::usageReport);
        server.start();
    }

    public static synchronized StubPlatform shared() {
        if (shared == null) {
            shared = new StubPlatform();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return baseUrl() + "/realms/voidvm";
    }

    /** Spring properties that point image-service at this stub. */
    public Map<String, String> properties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                issuer() + "/protocol/openid-connect/certs",
                "voidvm.image.storage.url", baseUrl(),
                "voidvm.image.quota.url", baseUrl(),
                "voidvm.image.quota.timeout", "2s",
                "voidvm.image.platform-client.token-uri", issuer() + "/protocol/openid-connect/token",
                "voidvm.image.platform-client.client-id", CLIENT_ID,
                "voidvm.image.platform-client.client-secret", CLIENT_SECRET);
    }

    public String user(String tenant) {
        return sign(Map.of("sub", "user@" + tenant, "tenant", tenant, "roles", List.of("user")));
    }

    /** A platform caller: the voidvm-platform service account (role admin, no tenant). */
    public String platform() {
        return sign(Map.of("sub", "service-account-voidvm-platform", "roles", List.of("admin")));
    }

    /** Volumes storage-service reports for an image, as its JSON body. */
    public void dependents(String imageId, String volumesJson) {
        dependents.put(imageId, volumesJson);
    }

    /** The tenant's image quotas (without a call: 1000 images, 100000 GiB). */
    public void imageQuota(String tenant, long images, long imageGb) {
        limits.put(tenant, Map.of("images", images, "imageGb", imageGb));
    }

    /** What image-service last reported for the tenant (resource → used), empty before any report. */
    public Map<String, Long> usage(String tenant) {
        return Map.copyOf(usage.getOrDefault(tenant, Map.of()));
    }

    public int quotaChecks() {
        return quotaChecks.get();
    }

    public void authDown(boolean down) {
        authDown.set(down);
    }

    public void storageDown(boolean down) {
        storageDown.set(down);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public String lastStorageAuthorization() {
        return lastStorageAuthorization;
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
            || !body.contains("grant_type=client_credentials")) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        tokensIssued.incrementAndGet();
        respond(exchange, 200, "{\"access_token\":\"" + platform() + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void dependents(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        lastStorageAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (storageDown.get()) {
            respond(exchange, 503, "{}");
            return;
        }
        if (!path.endsWith("/dependents") || lastStorageAuthorization == null) {
            respond(exchange, 401, "{}");
            return;
        }
        String imageId = path.substring("/internal/v1/images/".length(), path.length() - "/dependents".length());
        respond(exchange, 200, "{\"volumes\":" + dependents.getOrDefault(imageId, "[]") + "}");
    }

    private void quotaCheck(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (authDown.get()) {
            respond(exchange, 503, "{}");
            return;
        }
        if (!isPlatform(exchange)) {
            respond(exchange, 403, "{}");
            return;
        }
        quotaChecks.incrementAndGet();
        String tenant = body.path("tenantId").asString();
        Map<String, Long> limit = limits.getOrDefault(tenant, Map.of("images", 1000L, "imageGb", 100_000L));
        Map<String, Long> used = usage.getOrDefault(tenant, Map.of());
        List<Map<String, Object>> resources = new java.util.ArrayList<>();
        for (String resource : List.of("images", "imageGb")) {
            long requested = body.path("requested").path(resource).asLong(0);
            long inUse = used.getOrDefault(resource, 0L);
            if (requested > 0 && inUse + requested > limit.get(resource)) {
                respond(exchange, 409, JSON.writeValueAsString(Map.of("status", 409, "code", "quota-exceeded",
                        "quota", resource, "limit", limit.get(resource), "used", inUse, "requested", requested)));
                return;
            }
            resources.add(Map.of("resource", resource, "used", inUse, "limit", limit.get(resource)));
        }
        respond(exchange, 200, JSON.writeValueAsString(Map.of("allowed", true, "tenantId", tenant,
                "resources", resources)));
    }

    private void usageReport(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (authDown.get()) {
            respond(exchange, 503, "{}");
            return;
        }
        if (!isPlatform(exchange) || !"PUT".equals(exchange.getRequestMethod())) {
            respond(exchange, 403, "{}");
            return;
        }
        String tenant = exchange.getRequestURI().getPath().substring("/internal/v1/usage/".length());
        Map<String, Long> reported = new ConcurrentHashMap<>(usage.getOrDefault(tenant, Map.of()));
        body.properties().forEach(entry -> reported.put(entry.getKey(), entry.getValue().asLong()));
        usage.put(tenant, reported);
        respond(exchange, 200, "{}");
    }

    private boolean isPlatform(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            return jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))
                   && jwt.getJWTClaimsSet().getStringListClaim("roles").contains("admin");
        } catch (java.text.ParseException | JOSEException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String sign(Map<String, Object> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer()).audience(List.of("voidvm-api"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
        claims.forEach(builder::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
