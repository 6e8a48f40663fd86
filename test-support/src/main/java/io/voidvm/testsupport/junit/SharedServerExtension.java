package io.voidvm.testsupport.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * The convention every server extension follows: make sure the per-JVM server runs (idempotent) before the
 * class's tests and before its test instance exists, and hand it out as a parameter of type {@code S}.
 * Starting before construction matters with {@code @TestInstance(PER_CLASS)}, where Spring's extension may
 * load the context while the instance is post-processed, i.e. before any {@code beforeAll} callback.
 */
abstract class SharedServerExtension<S> implements BeforeAllCallback, TestInstancePreConstructCallback,
        ParameterResolver {

    private final Class<S> serverType;

    SharedServerExtension(Class<S> serverType) {
        this.serverType = serverType;
    }

    /** The running server; starts it and exports its system properties on the first call in this JVM. */
    abstract S server();

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        server();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == serverType;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }
}
