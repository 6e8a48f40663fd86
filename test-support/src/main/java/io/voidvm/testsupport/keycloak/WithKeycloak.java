package io.voidvm.testsupport.keycloak;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the shared real Keycloak (realm {@code voidvm} with demo and test users), with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code voidvm.test.keycloak.url} set.
 * Test methods and constructors may declare {@link KeycloakServer} or {@link KeycloakTokens} parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KeycloakExtension.class)
public @interface WithKeycloak {
}
