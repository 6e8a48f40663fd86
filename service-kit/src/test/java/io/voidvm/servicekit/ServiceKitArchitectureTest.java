package io.voidvm.servicekit;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.voidvm.testsupport.arch.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** service-kit keeps the layering it asks of every service. */
class ServiceKitArchitectureTest {

    private static final String ROOT = "io.voidvm.servicekit";
    private static final JavaClasses CLASSES = ArchitectureRules.productionClassesOf(ROOT);

    @Test
    void domainPackagesAreFrameworkFree() {
        assertThat(CLASSES.stream().filter(c -> c.getPackageName().endsWith(".domain")).count())
                .as("domain classes imported").isGreaterThan(10);
        ArchitectureRules.domainIsFrameworkFree(ROOT).check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(CLASSES);
    }
}
