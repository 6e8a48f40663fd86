package io.voidvm.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of STYLE.md, shared so that every module states them the same way:
 * <pre>{@code
 *   JavaClasses classes = ArchitectureRules.productionClassesOf("io.voidvm.vm");
 *   ArchitectureRules.domainIsFrameworkFree("io.voidvm.vm").check(classes);
 *   ArchitectureRules.noPackageCycles("io.voidvm.vm").check(classes);
 * }</pre>
 * A domain package is any package named {@code domain} (e.g. {@code io.voidvm.vm.lifecycle.domain}).
 */
public final class ArchitectureRules {

    /** Frameworks that adapters may use and domain code may not. */
    public static final String[] FRAMEWORK_PACKAGES = {
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "io.fabric8..", "reactor..",
            "jakarta.persistence..", "org.flywaydb.."
    };

    private ArchitectureRules() {
    }

    public static JavaClasses productionClassesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Classes in {@code ..domain..} packages under the root import no framework. */
    public static ArchRule domainIsFrameworkFree(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK_PACKAGES)
                .because("domain code must stay free of Spring, R2DBC, Kafka, fabric8 and Reactor (STYLE.md 1)")
                .allowEmptyShould(true);
    }

    /** The whole module imports no framework (for pure modules such as contracts). */
    public static ArchRule moduleIsFrameworkFree(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK_PACKAGES)
                .because("this module is pure Java");
    }

    /** Feature packages directly below the root form no dependency cycle. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }
}
