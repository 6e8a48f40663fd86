package io.voidvm.servicekit.testapp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A stand-in token issuer: an RSA key, its JWK set served over real HTTP on 127.0.0.1, and signed JWTs shaped
 * like Keycloak's. Lets slice tests exercise the real decoder, signature, issuer and audience checks.
 */
public final class TestJwts {

    public static final String AUDIENCE = "voidvm-api";
    private static TestJwts shared;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;

    private TestJwts() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/voidvm/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public static synchronized TestJwts shared() {
        if (shared == null) {
            shared = new TestJwts();
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/voidvm";
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String user(String subject, String tenant) {
        return token(Map.of("sub", subject, "tenant", tenant, "roles", List.of("user")));
    }

    public String admin(String subject) {
        return token(Map.of("sub", subject, "realm_access", Map.of("roles", List.of("admin", "user"))));
    }

    public String token(Map<String, Object> claims) {
        return sign(key, claims, issuer(), List.of(AUDIENCE));
    }

    public String tokenWithAudience(Map<String, Object> claims, List<String> audience) {
        return sign(key, claims, issuer(), audience);
    }

    public String tokenFromIssuer(Map<String, Object> claims, String issuer) {
        return sign(key, claims, issuer, List.of(AUDIENCE));
    }

    /** Same kid, different key: the signature does not verify. */
    public String forgedToken(Map<String, Object> claims) {
        return sign(foreignKey, claims, issuer(), List.of(AUDIENCE));
    }

    private static String sign(RSAKey signingKey, Map<String, Object> claims, String issuer, List<String> audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
