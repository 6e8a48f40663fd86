package io.voidvm.testsupport.qemu;

import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Backs {@link RequiresQemu}: skip locally, fail in CI, when QEMU is missing; resolves {@link QemuBinary}. */
public final class RequiresQemuExtension implements ExecutionCondition, BeforeEachCallback, ParameterResolver {

    /** What to do with a test that needs QEMU. */
    public sealed interface Verdict {
        record Run(QemuBinary qemu) implements Verdict {
        }

        record Skip(String reason) implements Verdict {
        }

        record Fail(String reason) implements Verdict {
        }
    }

    /** Pure decision, so the CI rule is unit-testable without uninstalling QEMU. */
    public static Verdict decide(Optional<QemuBinary> qemu, boolean ci) {
        if (qemu.isPresent()) {
            return new Verdict.Run(qemu.get());
        }
        return ci
                ? new Verdict.Fail("CI=true and " + QemuBinary.INSTALL_HINT)
                : new Verdict.Skip(QemuBinary.INSTALL_HINT);
    }

    static boolean runningInCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Verdict verdict() {
        return decide(QemuBinary.locate(), runningInCi());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return switch (verdict()) {
            case Verdict.Run run -> ConditionEvaluationResult.enabled("QEMU at " + run.qemu().system());
            case Verdict.Skip skip -> ConditionEvaluationResult.disabled(skip.reason());
            // enabled on purpose: beforeEach then fails the test with the reason
            case Verdict.Fail fail -> ConditionEvaluationResult.enabled(fail.reason());
        };
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (verdict() instanceof Verdict.Fail fail) {
            throw new IllegalStateException(fail.reason());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == QemuBinary.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return QemuBinary.require();
    }
}
