package io.voidvm.httpedge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * http-edge is shared by service-kit and the gateway, so it may depend on neither, nor on WebFlux or Jackson:
 * it works below them, on Netty and Spring Boot's server customizer alone.
 */
class HttpEdgeArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voidvm.httpedge");

    @Test
    void dependsOnNoOtherVoidvmModuleNorOnWebFluxOrJackson() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.voidvm.servicekit..", "io.voidvm.gateway..", "io.voidvm.contracts..",
                        "org.springframework.web..", "org.springframework.http..", "tools.jackson..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }
}
