package io.voidvm.testsupport.keycloak;

import io.voidvm.testsupport.junit.InfraMode;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Backs {@link WithKeycloak}, following the convention of the other server extensions: the per-JVM server runs
 * before the class's tests and before its test instance exists (Spring may load its context then), and its
 * properties are system properties before any Spring context starts.
 */
public final class KeycloakExtension implements BeforeAllCallback, TestInstancePreConstructCallback, ParameterResolver {

    /** Base URL of the shared server, for tests that call Keycloak directly. */
    public static final String URL_PROPERTY = "voidvm.test.keycloak.url";
    public static final String ISSUER_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private static KeycloakServer exported;

    /** The shared server with its properties exported; usable outside JUnit too. */
    public static synchronized KeycloakServer sharedServer() {
        if (exported == null) {
            InfraMode mode = InfraMode.current();
            KeycloakServer server = switch (mode) {
                case EMBEDDED -> KeycloakServer.shared();
                case CONTAINERS -> throw new UnsupportedOperationException(
                        "Keycloak in " + InfraMode.PROPERTY + "=containers mode is not implemented; use 'embedded'");
            };
            System.setProperty(URL_PROPERTY, server.url());
            System.setProperty(ISSUER_URI_PROPERTY, server.issuerUri());
            exported = server;
        }
        return exported;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sharedServer();
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        sharedServer();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == KeycloakServer.class || type == KeycloakTokens.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        KeycloakServer server = sharedServer();
        return parameterContext.getParameter().getType() == KeycloakTokens.class ? server.tokens() : server;
    }
}
