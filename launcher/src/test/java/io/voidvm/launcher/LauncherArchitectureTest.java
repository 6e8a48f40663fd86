package io.voidvm.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.voidvm.testsupport.arch.ArchitectureRules;
import org.junit.jupiter.api.Test;

class LauncherArchitectureTest {

    private static final String ROOT = "io.voidvm.launcher";
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
