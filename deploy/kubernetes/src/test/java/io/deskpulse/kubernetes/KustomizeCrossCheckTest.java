package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Where kubectl (with its built-in Kustomize) is installed, every kustomization renders to exactly
 * the objects Kustomize itself yields. Machines without kubectl skip this; the renderer's own tests
 * (KustomizeTest) still run everywhere.
 */
class KustomizeCrossCheckTest {

    private static boolean kubectl() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    }

    private static Map<String, Object> byId(Iterable<Map<String, Object>> objects) {
        Map<String, Object> byId = new TreeMap<>();
        objects.forEach(o -> byId.put(Kustomize.id(o), o));
        return byId;
    }

    @TestFactory
    Stream<DynamicTest> theRendererAgreesWithKustomize() {
        assumeTrue(kubectl(), "kubectl is not installed");
        return Kustomize.kustomizations(Manifests.directory()).entrySet().stream().map(entry ->
                DynamicTest.dynamicTest(entry.getKey(), () -> {
                    Process process = new ProcessBuilder("kubectl", "kustomize", entry.getValue().toString())
                            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(process.waitFor()).isZero();
                    Map<String, Object> expected = byId(Yaml.loadAll(output).stream().map(Maps::cast).toList());
                    Map<String, Object> actual = byId(Kustomize.build(entry.getValue()));
                    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
                    expected.forEach((id, object) -> assertThat(JsonPatch.sameValue(actual.get(id), object))
                            .as("%s rendered as Kustomize renders it", id).isTrue());
                }));
    }
}
