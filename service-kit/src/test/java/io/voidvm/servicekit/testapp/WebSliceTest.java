package io.voidvm.servicekit.testapp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The test app on a random port with the shared service defaults, no database, and {@link TestJwts} as the token
 * issuer. Subclasses share one Spring context.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.import=classpath:voidvm-service-defaults.yaml",
                "spring.application.name=servicekit-test",
                "spring.autoconfigure.exclude=" + TestApplication.NO_DATABASE,
                "spring.http.codecs.max-in-memory-size=16KB"
        })
@AutoConfigureWebTestClient
public abstract class WebSliceTest {

    protected static final TestJwts JWTS = TestJwts.shared();

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", JWTS::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWTS::jwkSetUri);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String userToken() {
        return JWTS.user("alice", "tenant-a");
    }
}
