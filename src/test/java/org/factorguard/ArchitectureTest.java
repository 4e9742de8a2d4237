package org.factorguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factorguard.archfixture.alpha.ui.AlphaWidget;
import org.factorguard.archfixture.alpha.widgets.AlphaBadge;
import org.factorguard.archfixture.beta.ui.BetaView;
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
    void no_feature_reaches_into_another_features_domain_or_ui() {
        featureInternalsStayPrivate("org.factorguard").check(classes);
    }

    @Test
    void the_internals_rule_fails_on_a_view_that_uses_another_features_ui_but_not_its_declared_widgets() {
        JavaClasses fixture = new ClassFileImporter().importClasses(AlphaWidget.class, AlphaBadge.class,
                BetaView.class);

        assertThat(featureInternalsStayPrivate("org.factorguard.archfixture").evaluate(fixture).getFailureReport()
                .getDetails()).singleElement().asString().contains(BetaView.class.getName())
                .contains(AlphaWidget.class.getName());
    }

    /**
     * A feature's API is its {@code service} package (and packages it declares, such as
     * {@code jobs.widgets}); its {@code domain} and {@code ui} are its own. {@code shared} and {@code quant}
     * are no features: anyone may use them.
     */
    static ArchRule featureInternalsStayPrivate(String root) {
        Pattern feature = Pattern.compile(Pattern.quote(root) + "\\.([a-z0-9]+)(\\..*)?");
        Pattern internal = Pattern.compile(Pattern.quote(root) + "\\.[a-z0-9]+\\.(domain|ui)(\\..*)?");
        Set<String> everyones = Set.of("shared", "quant");
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use no other feature's domain or ui package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String own = group(feature.matcher(item.getPackageName()));
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            String owner = group(feature.matcher(target));
                            if (owner != null && !owner.equals(own) && !everyones.contains(owner)
                                    && internal.matcher(target).matches()) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .because("views and services use another feature only through its service API; widgets "
                        + "several features share live in shared.ui or a feature's declared widgets package");
    }

    private static String group(Matcher m) {
        return m.matches() ? m.group(1) : null;
    }

    @Test
    void shared_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.factorguard.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factorguard.identity..",
                        "org.factorguard.datasets..", "org.factorguard.portfolios..", "org.factorguard.jobs..",
                        "org.factorguard.studies..", "org.factorguard.reports..", "org.factorguard.home..")
                .check(classes);
    }
}
