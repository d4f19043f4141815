package io.deskpulse.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The package rules of a service, checked on its compiled main classes (ArchUnit): its packages are layers, each used
 * only by the layers named for it, so that dependencies point one way (rest → service → repository → domain, config at
 * the bottom); every class of the service is in a layer; and no package depends on itself through others (sub-packages
 * are packages of their own). Known exceptions are named with the reason they are allowed, so that they stay visible.
 *
 * <pre>{@code
 * PackageRules.of("io.deskpulse.reporting")
 *         .layer("rest", "rest", "security", "health")
 *         .layer("service", "service").usedBy("rest")
 *         ...
 *         .check();
 * }</pre>
 */
public final class PackageRules {

    private final String root;
    private final Map<String, String[]> layers = new LinkedHashMap<>();
    private final Map<String, String[]> users = new LinkedHashMap<>();
    private final List<String[]> exceptions = new ArrayList<>();
    private String last;

    private PackageRules(String root) {
        this.root = root;
    }

    public static PackageRules of(String rootPackage) {
        return new PackageRules(rootPackage);
    }

    /** A layer of the given packages (relative to the root, each with its sub-packages); used by no layer until {@link #usedBy}. */
    public PackageRules layer(String name, String... packages) {
        layers.put(name, packages);
        users.put(name, new String[0]);
        last = name;
        return this;
    }

    /** The layers that may use the last layer declared. */
    public PackageRules usedBy(String... layerNames) {
        users.put(last, layerNames);
        return this;
    }

    /** Lets the classes of a package (relative to the root) use one class (its name relative to the root), for a reason. */
    public PackageRules except(String fromPackage, String toClass, String reason) {
        exceptions.add(new String[] {root + "." + fromPackage, root + "." + toClass, reason});
        return this;
    }

    /** Fails with every dependency of the service's main classes that breaks a rule. */
    public void check() {
        // Only the service's own classes matter: not resolving what they use from the classpath keeps this quick.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root));
    }

    void check(JavaClasses classes) {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (Map.Entry<String, String[]> layer : layers.entrySet()) {
            String[] packages = new String[layer.getValue().length];
            for (int i = 0; i < packages.length; i++) {
                packages[i] = root + "." + layer.getValue()[i] + "..";
            }
            architecture = architecture.layer(layer.getKey()).definedBy(packages);
        }
        for (Map.Entry<String, String[]> layer : users.entrySet()) {
            architecture = layer.getValue().length == 0
                    ? architecture.whereLayer(layer.getKey()).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(layer.getKey()).mayOnlyBeAccessedByLayers(layer.getValue());
        }
        SliceRule cycles = slices().matching(root + ".(**)").should().beFreeOfCycles();
        for (String[] exception : exceptions) {
            DescribedPredicate<JavaClass> origin = describe("classes of " + exception[0] + " (" + exception[2] + ")",
                    c -> c.getPackageName().equals(exception[0]) || c.getPackageName().startsWith(exception[0] + "."));
            DescribedPredicate<JavaClass> target = describe(exception[1], c -> c.getName().equals(exception[1]));
            architecture = architecture.ignoreDependency(origin, target);
            cycles = cycles.ignoreDependency(origin, target);
        }
        architecture.check(classes);
        cycles.check(classes);
    }
}
