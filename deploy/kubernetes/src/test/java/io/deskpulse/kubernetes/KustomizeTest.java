package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer on small kustomizations whose output was worked out by hand from Kustomize's documentation. */
class KustomizeTest {

    @TempDir
    Path root;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              template:
                spec:
                  initContainers:
                    - name: init
                      image: example/app:1.0
                  containers:
                    - name: app
                      image: example/app:1.0
                    - name: sidecar
                      image: registry.local:5000/tools/sidecar@sha256:abc
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app
            data:
              A: "1"
            """;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.getParent();
    }

    private Path base() throws IOException {
        write("base/app.yaml", DEPLOYMENT);
        return write("base/kustomization.yaml", "resources:\n  - app.yaml\n");
    }

    @Test
    void anOverlayPatchesThenNamespacesThenRetagsEverythingItIncludes() throws IOException {
        base();
        Path overlay = write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: team
                resources:
                  - ../base
                images:
                  - name: example/app
                    newName: registry.example.com/app
                    newTag: "2.0"
                  - name: registry.local:5000/tools/sidecar
                    digest: sha256:def
                patches:
                  - target:
                      kind: ConfigMap
                      name: app
                    patch: |-
                      - op: add
                        path: /data/B
                        value: "2"
                      - op: remove
                        path: /data/A
                """);
        List<Map<String, Object>> objects = Kustomize.build(overlay);

        assertThat(objects).extracting(Kustomize::id).containsExactly("apps/Deployment/team/app", "/ConfigMap/team/app");
        Map<String, Object> pod = Maps.map(objects.get(0), "spec", "template", "spec");
        assertThat(Maps.list(pod, "initContainers")).extracting(c -> Maps.string(c, "image"))
                .containsExactly("registry.example.com/app:2.0");
        assertThat(Maps.list(pod, "containers")).extracting(c -> Maps.string(c, "image"))
                .containsExactly("registry.example.com/app:2.0", "registry.local:5000/tools/sidecar@sha256:def");
        assertThat(Maps.map(objects.get(1), "data")).isEqualTo(Map.of("B", "2"));
    }

    @Test
    void imagesKeepTheirTagWhenOnlyTheNameChangesAndOtherNamesAreLeftAlone() {
        assertThat(Kustomize.retag("example/app:1.0", "example/app", Map.of("newName", "r/app"))).isEqualTo("r/app:1.0");
        assertThat(Kustomize.retag("example/app", "example/app", Map.of("newTag", "3"))).isEqualTo("example/app:3");
        assertThat(Kustomize.retag("example/application:1.0", "example/app", Map.of("newTag", "3")))
                .isEqualTo("example/application:1.0");
        assertThat(Kustomize.retag("host:5000/app", "host", Map.of("newTag", "3"))).isEqualTo("host:5000/app");
    }

    @Test
    void jsonPatchFollowsRfc6902() {
        Map<String, Object> document = Maps.cast(Yaml.loadAll("a: {b: [1, 2]}\nc/d: x\n").get(0));
        Object patched = JsonPatch.apply(document, Maps.list(Yaml.loadAll("""
                - {op: add, path: /a/b/-, value: 3}
                - {op: add, path: /a/b/0, value: 0}
                - {op: replace, path: /c~1d, value: y}
                - {op: copy, from: /a/b, path: /e}
                - {op: move, from: /c~1d, path: /f}
                - {op: test, path: /e/3, value: 3}
                - {op: remove, path: /a/b/1}
                """).get(0)));
        assertThat(patched).isEqualTo(Yaml.loadAll("a: {b: [0, 2, 3]}\ne: [0, 1, 2, 3]\nf: y\n").get(0));

        assertThatThrownBy(() -> JsonPatch.apply(document, Maps.list(Yaml.loadAll("- {op: test, path: /f, value: z}").get(0))))
                .hasMessageContaining("test failed");
        assertThatThrownBy(() -> JsonPatch.apply(document, Maps.list(Yaml.loadAll("- {op: replace, path: /g, value: 1}").get(0))))
                .hasMessageContaining("no member 'g'");
        assertThatThrownBy(() -> JsonPatch.apply(document, Maps.list(Yaml.loadAll("- {op: add, path: /a/b/9, value: 1}").get(0))))
                .hasMessageContaining("no array element '9'");
        assertThatThrownBy(() -> JsonPatch.apply(document, Maps.list(Yaml.loadAll("- {op: merge, path: /a}").get(0))))
                .hasMessageContaining("unknown JSON patch operation");
    }

    @Test
    void whatIsNotImplementedIsRefusedNotGuessed() throws IOException {
        base();
        Map<String, String> refused = Map.of(
                "commonLabels:\n  a: b\n", "field 'commonLabels' is not implemented",
                "patches:\n  - target: {kind: ConfigMap, name: app}\n    patch: |-\n      data:\n        A: \"2\"\n",
                "strategic-merge patches are not",
                "patches:\n  - target: {kind: ConfigMap, name: \"ap.*\"}\n    patch: \"[]\"\n", "only plain names",
                "patches:\n  - target: {kind: ConfigMap, name: other}\n    patch: \"[]\"\n", "matches no resource",
                "patches:\n  - target: {kind: ConfigMap, name: app, namespace: team}\n    patch: \"[]\"\n",
                "target field 'namespace' is not implemented",
                "images:\n  - name: example/app\n    tagSuffix: -x\n", "image field 'tagSuffix' is not implemented");
        int i = 0;
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            Path overlay = write("overlay" + i++ + "/kustomization.yaml", "resources:\n  - ../base\n" + entry.getKey());
            assertThatThrownBy(() -> Kustomize.build(overlay)).as(entry.getKey()).hasMessageContaining(entry.getValue());
        }
    }

    @Test
    void resourcesComeFromInsideTheKustomizationOnceEach() throws IOException {
        base();
        Path outside = write("outside/kustomization.yaml", "resources:\n  - ../base/app.yaml\n");
        assertThatThrownBy(() -> Kustomize.build(outside)).hasMessageContaining("outside the kustomization's directory");
        Path twice = write("twice/kustomization.yaml", "resources:\n  - ../base\n  - copy.yaml\n");
        write("twice/copy.yaml", DEPLOYMENT);
        assertThatThrownBy(() -> Kustomize.build(twice)).hasMessageContaining("is included twice");
        Path remote = write("remote/kustomization.yaml", "resources:\n  - https://example.com/app.yaml\n");
        assertThatThrownBy(() -> Kustomize.build(remote)).hasMessageContaining("remote resource");
        write("namespaced/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n");
        Path namespaced = write("namespaced/kustomization.yaml", "namespace: team\nresources:\n  - ns.yaml\n");
        assertThatThrownBy(() -> Kustomize.build(namespaced)).hasMessageContaining("on a Namespace is not implemented");
    }
}
