package io.deskpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules on fixture packages: top → middle → bottom, where bottom also uses middle (upward, and a cycle). */
class PackageRulesTest {

    private static final String ROOT = "io.deskpulse.testsupport.fixture";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);

    private static PackageRules layers() {
        return PackageRules.of(ROOT)
                .layer("top", "top")
                .layer("middle", "middle").usedBy("top")
                .layer("bottom", "bottom").usedBy("top", "middle")
                .layer("stray", "stray");
    }

    @Test
    void anUpwardDependencyFails() {
        assertThatThrownBy(() -> layers().check(FIXTURES)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Bottom").hasMessageContaining("may only be accessed by layers ['top']");
    }

    @Test
    void aCycleFailsEvenWhenTheLayersAllowIt() {
        PackageRules both = PackageRules.of(ROOT)
                .layer("top", "top")
                .layer("lower", "middle", "bottom").usedBy("top")
                .layer("stray", "stray");
        assertThatThrownBy(() -> both.check(FIXTURES)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void aClassInNoLayerFails() {
        PackageRules partial = PackageRules.of(ROOT)
                .layer("top", "top")
                .layer("lower", "middle", "bottom").usedBy("top")
                .except("bottom", "middle.Middle", "a known exception");
        assertThatThrownBy(() -> partial.check(FIXTURES)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Stray");
    }

    @Test
    void aNamedExceptionPasses() {
        assertThatCode(() -> layers().except("bottom", "middle.Middle", "a known exception").check(FIXTURES))
                .doesNotThrowAnyException();
    }
}
