package io.voidvm.vm;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.voidvm.testsupport.arch.ArchitectureRules;
import org.junit.jupiter.api.Test;

class VmArchitectureTest {

    private static final String ROOT = "io.voidvm.vm";
    private final JavaClasses classes = ArchitectureRules.productionClassesOf(ROOT);

    @Test
    void domainCodeImportsNoFramework() {
        ArchitectureRules.domainIsFrameworkFree(ROOT).check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(classes);
    }
}
