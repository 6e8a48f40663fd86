package io.voidvm.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** contracts is linked into every service and the agent, so it must stay free of their frameworks. */
class ContractsArchitectureTest {

    private static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voidvm.contracts");

    @Test
    void importsNoFrameworks() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "reactor..", "org.apache.kafka..", "io.fabric8..", "io.r2dbc..")
                .check(CONTRACTS);
    }

    @Test
    void onlyTheCodecUsesJacksonDatabind() {
        // Records may carry com.fasterxml.jackson.annotation; the mapper itself stays behind MessageCodec.
        noClasses().that().resideOutsideOfPackage("io.voidvm.contracts.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..")
                .check(CONTRACTS);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.voidvm.contracts.(*)..").should().beFreeOfCycles().check(CONTRACTS);
    }

    @Test
    void payloadsAreRecords() {
        classes().that().implement(Payload.class).and().areNotInterfaces()
                .should().beRecords()
                .check(CONTRACTS);
    }
}
