package io.voidvm.auth.it;

import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.testsupport.keycloak.KeycloakExtension;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.keycloak.WithKeycloak;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of auth-service's integration tests: the whole service on a random port against the real PostgreSQL,
 * Kafka and Keycloak of test-support. Every subclass has the same configuration, so they share one context.
 * Tests that change users create their own (never the demo users other tests rely on).
 */
@WithPostgres
@WithKafka
@WithKeycloak
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class AbstractAuthIT {

    protected static final String USER_PASSWORD = "Test-pass1!";

    private static Keycloak masterAdmin;

    @Autowired
    protected WebTestClient client;

    protected static KeycloakServer keycloak() {
        return KeycloakExtension.sharedServer();
    }

    protected static KeycloakTokens tokens() {
        return keycloak().tokens();
    }

    /** Client credentials of voidvm-platform: role admin, no tenant, no TOTP involved. */
    protected static String platformToken() {
        return tokens().clientCredentials(VoidvmRealm.PLATFORM);
    }

    protected static String tokenOf(VoidvmRealm.User user) {
        return tokens().password(user);
    }

    /** The realm through the master admin, to check what auth-service did in Keycloak. */
    protected static synchronized RealmResource realm() {
        if (masterAdmin == null) {
            masterAdmin = KeycloakBuilder.builder().serverUrl(keycloak().url()).realm("master")
                    .clientId("admin-cli").username(keycloak().adminUser()).password(keycloak().adminPassword())
                    .build();
        }
        return masterAdmin.realm(VoidvmRealm.NAME);
    }

    @AfterAll
    static synchronized void closeMasterAdmin() {
        if (masterAdmin != null) {
            masterAdmin.close();
            masterAdmin = null;
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh user with a permanent password, created straight in Keycloak; returns its id. */
    protected static String createUserInKeycloak(String username, String tenant,
                                                 List<CredentialRepresentation> extraCredentials) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@it.example");
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(Map.of("tenant", List.of(tenant)));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(USER_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(new ArrayList<>(List.of(password)));
        user.getCredentials().addAll(extraCredentials);
        try (var response = realm().users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    protected WebTestClient.RequestHeadersSpec<?> get(String uri, String token) {
        return client.get().uri(uri).headers(headers -> headers.setBearerAuth(token));
    }

    protected WebTestClient.RequestBodySpec post(String uri, String token) {
        return client.post().uri(uri).headers(headers -> headers.setBearerAuth(token));
    }

    protected WebTestClient.RequestHeadersSpec<?> delete(String uri, String token) {
        return client.delete().uri(uri).headers(headers -> headers.setBearerAuth(token));
    }

    protected WebTestClient.RequestBodySpec put(String uri, String token) {
        return client.put().uri(uri).headers(headers -> headers.setBearerAuth(token));
    }
}
