package io.deskpulse.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** One overlay rendered, with the look-ups the tests need. Also used by e2e-tests. */
public final class Manifests {

    /** Where an environment variable of a container gets its value. */
    public record Source(String value, String configMap, String secret, String key) {

        public boolean fromSecret() {
            return secret != null;
        }
    }

    public final String overlay;
    public final List<Map<String, Object>> objects;

    private Manifests(String overlay, List<Map<String, Object>> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** deploy/kubernetes of this repository, found from the working directory of any module. */
    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("deploy/kubernetes");
            if (Files.isDirectory(candidate.resolve("base"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("deploy/kubernetes not found above " + Path.of("").toAbsolutePath());
    }

    public static Path repository() {
        return directory().getParent().getParent();
    }

    public static Manifests render(String overlay) {
        return new Manifests(overlay, Kustomize.build(directory().resolve(overlay)));
    }

    public List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    public Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException(kind + " " + name + " in " + overlay));
    }

    public java.util.Optional<Map<String, Object>> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(Maps.string(o, "metadata", "name"))).findFirst();
    }

    public static String name(Map<String, Object> object) {
        return Maps.string(object, "metadata", "name");
    }

    public Map<String, Object> container(String deployment, String container) {
        Map<String, Object> pod = Maps.map(get("Deployment", deployment), "spec", "template", "spec");
        for (String list : List.of("containers", "initContainers")) {
            for (Object candidate : Maps.list(pod, list)) {
                if (container.equals(Maps.string(candidate, "name"))) {
                    return Maps.cast(candidate);
                }
            }
        }
        throw new NoSuchElementException("container " + container + " of " + deployment + " in " + overlay);
    }

    /** A container's environment as Kubernetes builds it: envFrom in order (later wins), then env. */
    public Map<String, Source> environment(String deployment, String container) {
        Map<String, Object> spec = container(deployment, container);
        Map<String, Source> environment = new LinkedHashMap<>();
        for (Object from : Maps.list(spec, "envFrom")) {
            String configMap = Maps.string(from, "configMapRef", "name");
            if (configMap == null) {
                throw new IllegalStateException(deployment + "/" + container + ": envFrom other than a ConfigMap: " + from);
            }
            Maps.map(get("ConfigMap", configMap), "data").forEach((key, value) ->
                    environment.put(key, new Source(String.valueOf(value), configMap, null, key)));
        }
        for (Object entry : Maps.list(spec, "env")) {
            String variable = Maps.string(entry, "name");
            if (Maps.at(entry, "valueFrom", "secretKeyRef").isPresent()) {
                environment.put(variable, new Source(null, null, Maps.string(entry, "valueFrom", "secretKeyRef", "name"),
                        Maps.string(entry, "valueFrom", "secretKeyRef", "key")));
            } else if (Maps.at(entry, "valueFrom", "configMapKeyRef").isPresent()) {
                String configMap = Maps.string(entry, "valueFrom", "configMapKeyRef", "name");
                String key = Maps.string(entry, "valueFrom", "configMapKeyRef", "key");
                environment.put(variable, new Source(Maps.string(get("ConfigMap", configMap), "data", key), configMap, null, key));
            } else {
                environment.put(variable, new Source(Maps.string(entry, "value"), null, null, null));
            }
        }
        return environment;
    }

    /** The values of a container's environment that come from ConfigMaps or literals (not Secrets). */
    public Map<String, String> plainEnvironment(String deployment, String container) {
        Map<String, String> plain = new LinkedHashMap<>();
        environment(deployment, container).forEach((k, v) -> {
            if (!v.fromSecret()) {
                plain.put(k, v.value());
            }
        });
        return plain;
    }

    public String probePath(String deployment, String probe) {
        return Maps.string(container(deployment, deployment), probe, "httpGet", "path");
    }
}
