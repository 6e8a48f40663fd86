package io.voidvm.systemtests.harness;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Backs {@link OnSharedPlatform}: starts the {@link SharedPlatform} before the first class that needs it, stops it
 * when the whole test plan is done (a value in the root store, closed by JUnit), hands it out as a parameter, and
 * after each test checks that nothing was left down. A test that stopped a component and did not bring it back
 * fails (unless it failed already), and the component is brought back, so the next test meets a whole platform.
 */
public final class SharedPlatformExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            SharedPlatformExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> restored = platform(context).restore();
        if (!restored.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left " + String.join(", ", restored)
                    + " down; a test that stops a component must bring it back (now done for it)");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SharedPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return platform(extensionContext);
    }

    private static SharedPlatform platform(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Stopper.class, key -> new Stopper(SharedPlatform.get()), Stopper.class).platform();
    }

    /** Closed by JUnit with the root context, i.e. after the last test class of the plan. */
    private record Stopper(SharedPlatform platform) implements AutoCloseable {
        @Override
        public void close() {
            SharedPlatform.closeShared();
        }
    }
}
