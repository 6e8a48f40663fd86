package io.voidvm.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fetches access tokens from realm {@value VoidvmRealm#NAME} with plain {@code java.net.http}, for tests. */
public final class KeycloakTokens {

    /** The token endpoint answered with something other than 200; {@link #error()} is OAuth's error code. */
    public static final class TokenRequestFailed extends RuntimeException {
        private final int status;
        private final String error;

        TokenRequestFailed(int status, String error, String body) {
            super("token request failed with HTTP " + status + ": " + body);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI tokenEndpoint;

    public KeycloakTokens(String issuerUri) {
        this.tokenEndpoint = URI.create(issuerUri + "/protocol/openid-connect/token");
    }

    /** Resource-owner password grant through the test-only client {@value VoidvmRealm#TEST_CLIENT}. */
    public String password(String username, String password) {
        return passwordFor(VoidvmRealm.TEST_CLIENT, username, password);
    }

    /** Password grant through any public client that allows it (e.g. {@code admin-cli} of the master realm). */
    public String passwordFor(String publicClientId, String username, String password) {
        return request(Map.of("grant_type", "password", "client_id", publicClientId,
                "username", username, "password", password, "scope", "openid"));
    }

    public String password(VoidvmRealm.User user) {
        return password(user.username(), user.password());
    }

    /** Client-credentials grant of a confidential client. */
    public String clientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    public String clientCredentials(VoidvmRealm.Client client) {
        return clientCredentials(client.clientId(), client.secret());
    }

    /** The payload of a JWT, unverified: for asserting on claims, never for trusting them. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWS compact serialization (expected 3 parts)");
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private String request(Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("token endpoint " + tokenEndpoint + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
            throw new TokenRequestFailed(response.statusCode(), json.path("error").asString(""), response.body());
        }
        return json.get("access_token").asString();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
