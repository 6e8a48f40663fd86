package io.voidvm.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Access tokens the real Keycloak would accept as its own: signed with a key the tests published in the realm
 * (see {@link KeycloakRealmAdmin#addPassiveKey}). A test can thus change exactly one thing about an otherwise
 * valid token (expiry, issuer, audience) or sign it with a stranger's key under Keycloak's key id.
 */
final class TestTokens {

    private static TestTokens shared;

    private final String issuer;
    private final RSAKey trusted;
    private final RSAKey stranger;

    private TestTokens(String issuer, RSAKey trusted, RSAKey stranger) {
        this.issuer = issuer;
        this.trusted = trusted;
        this.stranger = stranger;
    }

    /** Generates the key and publishes it in the shared Keycloak once per JVM. */
    static synchronized TestTokens shared(KeycloakServer keycloak) {
        if (shared == null) {
            try {
                RSAKey key = new RSAKeyGenerator(2048).generate();
                KeycloakRealmAdmin admin = new KeycloakRealmAdmin(keycloak);
                admin.addPassiveKey("gateway-tests", Base64.getEncoder().encodeToString(
                        key.toRSAPrivateKey().getEncoded()));
                String kid = keyIdOf(admin.jwks(), key);
                RSAKey trusted = new RSAKey.Builder(key).keyID(kid).build();
                RSAKey stranger = new RSAKey.Builder(new RSAKeyGenerator(2048).generate()).keyID(kid).build();
                shared = new TestTokens(keycloak.issuerUri(), trusted, stranger);
            } catch (JOSEException | ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    private static String keyIdOf(String jwks, RSAKey key) throws ParseException {
        for (JWK published : JWKSet.parse(jwks).getKeys()) {
            if (published instanceof RSAKey rsa && rsa.getModulus().equals(key.getModulus())) {
                return rsa.getKeyID();
            }
        }
        throw new IllegalStateException("Keycloak does not publish the test key: " + jwks);
    }

    /** Claims of a valid user token: realm issuer, audience voidvm-api, five minutes left. */
    JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(VoidvmRealm.API_AUDIENCE, "account"))
                .claim("tenant", "acme")
                .claim("roles", List.of("user"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    String valid(String subject) {
        return sign(claims(subject), trusted);
    }

    String signed(JWTClaimsSet.Builder claims) {
        return sign(claims, trusted);
    }

    /** Same key id as the trusted key, different private key: only the signature is wrong. */
    String signedByStranger(JWTClaimsSet.Builder claims) {
        return sign(claims, stranger);
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
