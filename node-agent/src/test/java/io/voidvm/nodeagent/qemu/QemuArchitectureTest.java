package io.voidvm.nodeagent.qemu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.voidvm.testsupport.arch.ArchitectureRules;

/**
 * The QEMU and QMP packages are plain Java that the runtime wires up; they use no framework, and the pure
 * model depends on no adapter.
 */
class QemuArchitectureTest {

    static final JavaClasses CLASSES = ArchitectureRules.productionClassesOf("io.voidvm.nodeagent");

    @Test
    void qemuAndQmpPackagesUseNoFramework() {
        noClasses().that().resideInAnyPackage("io.voidvm.nodeagent.qemu..", "io.voidvm.nodeagent.qmp..")
                .should().dependOnClassesThat().resideInAnyPackage(ArchitectureRules.FRAMEWORK_PACKAGES)
                .because("QEMU/QMP code is used by the runtime, not wired by Spring")
                .check(CLASSES);
    }

    @Test
    void theArgvModelDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("io.voidvm.nodeagent.qemu.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.voidvm.nodeagent.qmp..",
                        "io.voidvm.nodeagent.qemu", "io.voidvm.nodeagent.config..")
                .check(CLASSES);
        ArchitectureRules.domainIsFrameworkFree("io.voidvm.nodeagent").check(CLASSES);
    }
}
