package io.voidvm.gateway;

import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only changes to the shared Keycloak's realm through its admin REST API, so the realm file itself stays
 * as shipped: a redirect URI for the gateway's random test port, and a verification key whose private half
 * the tests hold (to mint tokens that are wrong in exactly one way).
 */
final class KeycloakRealmAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KeycloakServer server;
    private final String admin;

    KeycloakRealmAdmin(KeycloakServer server) {
        this.server = server;
        this.admin = "/admin/realms/" + VoidvmRealm.NAME;
    }

    /** Lets {@code voidvm-gateway} redirect back to a gateway listening on {@code port}. */
    synchronized void allowGatewayOn(int port) {
        String clients = call("GET", admin + "/clients?clientId="
                + URLEncoder.encode(VoidvmRealm.GATEWAY.clientId(), StandardCharsets.UTF_8), null);
        ObjectNode client = (ObjectNode) JSON.readTree(clients).get(0);
        String pattern = "http://127.0.0.1:" + port + "/*";
        ArrayNode redirects = (ArrayNode) client.get("redirectUris");
        for (JsonNode existing : redirects) {
            if (existing.asString().equals(pattern)) {
                return;
            }
        }
        redirects.add(pattern);
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        attributes.put("post.logout.redirect.uris",
                attributes.path("post.logout.redirect.uris").asString("") + "##" + pattern);
        call("PUT", admin + "/clients/" + client.get("id").asString(), client.toString());
    }

    /**
     * Publishes an extra RSA key in the realm's JWKS. It is passive, so Keycloak never signs with it, but
     * resource servers accept what it signed as signed by Keycloak.
     */
    void addPassiveKey(String name, String pkcs8Base64) {
        String realmId = JSON.readTree(call("GET", admin, null)).get("id").asString();
        ObjectNode component = JSON.createObjectNode()
                .put("name", name)
                .put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        config.putArray("privateKey").add(pkcs8Base64);
        config.putArray("priority").add("0");
        config.putArray("enabled").add("true");
        config.putArray("active").add("false");
        config.putArray("algorithm").add("RS256");
        call("POST", admin + "/components", component.toString());
    }

    /** The realm's published JWKS. */
    String jwks() {
        return send(HttpRequest.newBuilder(URI.create(server.issuerUri() + "/protocol/openid-connect/certs")).GET());
    }

    private String call(String method, String path, String json) {
        String token = new KeycloakTokens(server.url() + "/realms/master")
                .passwordFor("admin-cli", server.adminUser(), server.adminPassword());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.uri() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
