package io.voidvm.gateway;

import io.voidvm.testsupport.keycloak.KeycloakExtension;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a random port between a real Keycloak (shared per JVM) and real HTTP servers standing
 * in for the domain services. Subclasses share one application context unless they add properties. Limits
 * are small here so that tests reach them quickly; the shipped values are in application.yaml.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayIntegrationTest {

    static final FakeDownstreams DOWNSTREAMS = FakeDownstreams.shared();
    static final KeycloakServer KEYCLOAK = KeycloakExtension.sharedServer();
    static final TestTokens TOKENS = TestTokens.shared(KEYCLOAK);
    static final String ALLOWED_ORIGIN = "http://127.0.0.1:5173";

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        FakeDownstreams.SERVICES.forEach(service ->
                registry.add("voidvm.gateway.services." + service, () -> DOWNSTREAMS.baseUri(service)));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuerUri);
        registry.add("voidvm.gateway.resilience.timeout", () -> "2s");
        registry.add("voidvm.gateway.resilience.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("voidvm.gateway.resilience.circuit-breaker.minimum-number-of-calls", () -> "4");
        registry.add("voidvm.gateway.resilience.circuit-breaker.wait-in-open-state", () -> "2s");
        registry.add("voidvm.gateway.resilience.circuit-breaker.permitted-calls-in-half-open-state", () -> "1");
        registry.add("voidvm.gateway.request-size.max-body", () -> "64KB");
        registry.add("voidvm.gateway.request-size.max-upload", () -> "256KB");
        registry.add("voidvm.gateway.browser.cors-allowed-origins", () -> ALLOWED_ORIGIN);
    }

    String gatewayUrl(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
