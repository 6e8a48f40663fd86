package io.voidvm.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.voidvm.testsupport.arch.ArchitectureRules;
import org.junit.jupiter.api.Test;

class TestSupportArchitectureTest {

    private static final String ROOT = "io.voidvm.testsupport";
    private final JavaClasses classes = ArchitectureRules.productionClassesOf(ROOT);

    @Test
    void domainCodeImportsNoFramework() {
        ArchitectureRules.domainIsFrameworkFree(ROOT).check(classes);
    }

    @Test
    void featurePackagesFormNoCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(classes);
    }
}
