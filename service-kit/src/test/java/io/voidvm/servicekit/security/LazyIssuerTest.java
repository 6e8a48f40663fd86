package io.voidvm.servicekit.security;

import io.voidvm.servicekit.testapp.TestApplication;
import io.voidvm.servicekit.testapp.TestJwts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With only an issuer URI and the issuer down (nothing listens on port 9 of 127.0.0.1), the service still starts;
 * a token then gets a 503 problem, not a 500, and the decoder retries discovery on the next token.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/voidvm",
                "spring.autoconfigure.exclude=" + TestApplication.NO_DATABASE
        })
@AutoConfigureWebTestClient
class LazyIssuerTest {

    @Autowired
    WebTestClient client;

    @Test
    void startsWithoutIssuerAndAnswers503UntilItIsReachable() {
        String token = TestJwts.shared().tokenFromIssuer(Map.of("sub", "alice", "tenant", "t"),
                "http://127.0.0.1:9/realms/voidvm");
        for (int attempt = 0; attempt < 2; attempt++) {
            client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
        }
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
