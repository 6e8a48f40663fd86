package io.voidvm.kafkakit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** kafka-kit stays light enough for node-agent, which must not pull in service-kit's Boot auto-configuration. */
class KafkaKitArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voidvm.kafkakit");

    @Test
    void dependsOnNoSpringBootAndNoVoidvmModuleButContracts() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.boot..", "io.voidvm.servicekit..", "io.voidvm.nodeagent..")
                .check(classes);
    }
}
