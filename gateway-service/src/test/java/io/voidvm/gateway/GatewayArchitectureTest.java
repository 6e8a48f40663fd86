package io.voidvm.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.voidvm.testsupport.arch.ArchitectureRules;
import org.junit.jupiter.api.Test;

class GatewayArchitectureTest {

    private static final String ROOT = "io.voidvm.gateway";
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
