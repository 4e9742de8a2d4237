package org.factorguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries described in docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.factorguard");
    }

    @Test
    void the_quant_core_uses_no_spring_vaadin_or_jpa() {
        noClasses().that().resideInAPackage("org.factorguard.quant..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "jakarta.persistence..", "org.hibernate..", "org.jobrunr..")
                .because("the research engine is plain Java, testable without a container (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void the_quant_core_does_not_call_back_into_the_portal() {
        noClasses().that().resideInAPackage("org.factorguard.quant..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.factorguard.quant..", "java..", "javax..",
                        "org.deeplearning4j..", "org.nd4j..", "org.bytedeco..", "org.hipparchus..", "org.ojalgo..",
                        "org.apache.commons.csv..", "org.slf4j..", "tools.jackson..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void feature_packages_form_no_cycles() {
        slices().matching("org.factorguard.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void quant_packages_form_no_cycles() {
        slices().matching("org.factorguard.quant.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shared_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.factorguard.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factorguard.identity..",
                        "org.factorguard.datasets..", "org.factorguard.portfolios..", "org.factorguard.jobs..",
                        "org.factorguard.reports..", "org.factorguard.home..")
                .check(classes);
    }
}
