package io.deskpulse.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A faithful implementation of the part of Kustomize (v5) that DeskPulse's manifests use, so that
 * every overlay can be rendered and checked in the build without a kustomize binary. It refuses
 * everything else instead of guessing: a kustomization may hold only {@code resources} (files
 * inside its directory, or directories with a kustomization of their own), {@code namespace},
 * {@code patches} (JSON 6902 operations, targeted by kind and name) and {@code images}; transformers
 * run in Kustomize's order (patches, then namespace, then images).
 */
public final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "patches", "images");
    private static final Set<String> TARGET_FIELDS = Set.of("group", "version", "kind", "name");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
    /** Kinds the namespace transformer must not (cluster-scoped) or cannot simply (subjects) namespace. */
    private static final Set<String> NAMESPACE_SENSITIVE = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "RoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "IngressClass");
    private static final List<List<String>> CONTAINER_PATHS = List.of(List.of("spec", "containers"),
            List.of("spec", "initContainers"), List.of("spec", "template", "spec", "containers"),
            List.of("spec", "template", "spec", "initContainers"));

    private final Deque<Path> building = new ArrayDeque<>();

    private Kustomize() {
    }

    /** The objects {@code kustomize build dir} would print, in the order of their resources. */
    public static List<Map<String, Object>> build(Path dir) {
        return new Kustomize().buildDir(dir.toAbsolutePath().normalize());
    }

    private List<Map<String, Object>> buildDir(Path dir) {
        if (building.contains(dir)) {
            throw new KustomizeException("kustomization cycle through " + dir);
        }
        building.push(dir);
        try {
            Map<String, Object> kustomization = kustomization(dir);
            List<Map<String, Object>> objects = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            for (Object entry : Maps.list(kustomization, "resources")) {
                for (Map<String, Object> object : resource(dir, String.valueOf(entry))) {
                    if (!ids.add(id(object))) {
                        throw new KustomizeException(dir + ": resource " + id(object) + " is included twice");
                    }
                    objects.add(object);
                }
            }
            for (Object patch : Maps.list(kustomization, "patches")) {
                applyPatch(dir, Maps.cast(patch), objects);
            }
            if (kustomization.containsKey("namespace")) {
                setNamespace(String.valueOf(kustomization.get("namespace")), objects);
            }
            for (Object image : Maps.list(kustomization, "images")) {
                setImage(dir, Maps.cast(image), objects);
            }
            return objects;
        } finally {
            building.pop();
        }
    }

    private static Map<String, Object> kustomization(Path dir) {
        for (String other : List.of("kustomization.yml", "Kustomization")) {
            if (Files.exists(dir.resolve(other))) {
                throw new KustomizeException(dir + ": only kustomization.yaml is supported, found " + other);
            }
        }
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new KustomizeException(dir + " has no kustomization.yaml");
        }
        Map<String, Object> kustomization = Yaml.loadMap(file);
        for (String field : kustomization.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new KustomizeException(file + ": field '" + field + "' is not implemented by this renderer (only "
                        + FIELDS + "); render with kustomize itself or extend Kustomize.java faithfully");
            }
        }
        expect(file, kustomization, "apiVersion", "kustomize.config.k8s.io/v1beta1");
        expect(file, kustomization, "kind", "Kustomization");
        return kustomization;
    }

    private static void expect(Path file, Map<String, Object> map, String key, String value) {
        if (map.containsKey(key) && !value.equals(map.get(key))) {
            throw new KustomizeException(file + ": " + key + " must be " + value);
        }
    }

    private List<Map<String, Object>> resource(Path dir, String entry) {
        if (entry.contains("://") || entry.startsWith("git@") || entry.startsWith("github.com/")) {
            throw new KustomizeException(dir + ": remote resource " + entry + " is not supported");
        }
        Path path = dir.resolve(entry).normalize();
        if (Files.isDirectory(path)) {
            return buildDir(path);
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : Yaml.loadAll(insideRoot(dir, entry))) {
            if (!(document instanceof Map<?, ?>)) {
                throw new KustomizeException(path + ": every document must be a mapping");
            }
            Map<String, Object> object = Maps.cast(document);
            if (Maps.string(object, "apiVersion") == null || Maps.string(object, "kind") == null
                    || Maps.string(object, "metadata", "name") == null) {
                throw new KustomizeException(path + ": an object without apiVersion, kind or metadata.name");
            }
            objects.add(object);
        }
        return objects;
    }

    /** Kustomize's load restrictor: files come from the kustomization's own directory tree. */
    private static Path insideRoot(Path dir, String entry) {
        Path path = dir.resolve(entry).normalize();
        if (!path.startsWith(dir)) {
            throw new KustomizeException(dir + ": file " + entry + " is outside the kustomization's directory");
        }
        if (!Files.isRegularFile(path)) {
            throw new KustomizeException(dir + ": " + entry + " does not exist");
        }
        return path;
    }

    static String id(Map<String, Object> object) {
        String apiVersion = Maps.string(object, "apiVersion");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String namespace = Maps.string(object, "metadata", "namespace");
        return group + "/" + Maps.string(object, "kind") + "/" + (namespace == null ? "~" : namespace) + "/"
                + Maps.string(object, "metadata", "name");
    }

    private static void applyPatch(Path dir, Map<String, Object> patch, List<Map<String, Object>> objects) {
        for (String field : patch.keySet()) {
            if (!Set.of("patch", "path", "target").contains(field)) {
                throw new KustomizeException(dir + ": patch field '" + field + "' is not implemented by this renderer");
            }
        }
        String text;
        if (patch.containsKey("patch") == patch.containsKey("path")) {
            throw new KustomizeException(dir + ": a patch needs exactly one of 'patch' and 'path'");
        } else if (patch.containsKey("patch")) {
            text = String.valueOf(patch.get("patch"));
        } else {
            try {
                text = Files.readString(insideRoot(dir, String.valueOf(patch.get("path"))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<Object> documents = Yaml.loadAll(text);
        if (documents.size() != 1 || !(documents.get(0) instanceof List<?>)) {
            throw new KustomizeException(dir + ": only JSON 6902 patches (a list of operations) are implemented by this"
                    + " renderer; strategic-merge patches are not: " + text);
        }
        Map<String, Object> target = Maps.map(patch, "target");
        if (target.isEmpty() || !target.containsKey("kind") || !target.containsKey("name")) {
            throw new KustomizeException(dir + ": a JSON 6902 patch needs a target with kind and name");
        }
        for (String field : target.keySet()) {
            if (!TARGET_FIELDS.contains(field)) {
                throw new KustomizeException(dir + ": patch target field '" + field + "' is not implemented by this renderer");
            }
        }
        String name = String.valueOf(target.get("name"));
        if (!name.matches("[a-z0-9.-]+")) {
            throw new KustomizeException(dir + ": patch target names are regular expressions in Kustomize; only plain"
                    + " names are implemented here: " + name);
        }
        int matched = 0;
        for (int i = 0; i < objects.size(); i++) {
            if (matches(target, objects.get(i))) {
                objects.set(i, Maps.cast(JsonPatch.apply(objects.get(i), Maps.list(documents.get(0)))));
                matched++;
            }
        }
        if (matched == 0) {
            throw new KustomizeException(dir + ": patch target " + target + " matches no resource");
        }
    }

    private static boolean matches(Map<String, Object> target, Map<String, Object> object) {
        String apiVersion = Maps.string(object, "apiVersion");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return target.get("kind").equals(object.get("kind"))
                && target.get("name").equals(Maps.string(object, "metadata", "name"))
                && (!target.containsKey("group") || target.get("group").equals(group))
                && (!target.containsKey("version") || target.get("version").equals(version));
    }

    private static void setNamespace(String namespace, List<Map<String, Object>> objects) {
        for (Map<String, Object> object : objects) {
            String kind = String.valueOf(object.get("kind"));
            if (NAMESPACE_SENSITIVE.contains(kind)) {
                throw new KustomizeException("the namespace transformer on a " + kind
                        + " is not implemented by this renderer");
            }
            Maps.map(object, "metadata").put("namespace", namespace);
        }
    }

    private static void setImage(Path dir, Map<String, Object> image, List<Map<String, Object>> objects) {
        for (String field : image.keySet()) {
            if (!IMAGE_FIELDS.contains(field)) {
                throw new KustomizeException(dir + ": image field '" + field + "' is not implemented by this renderer");
            }
        }
        String name = String.valueOf(image.get("name"));
        for (Map<String, Object> object : objects) {
            for (List<String> path : CONTAINER_PATHS) {
                for (Object container : Maps.list(object, path.toArray(String[]::new))) {
                    Map<String, Object> spec = Maps.cast(container);
                    if (spec.get("image") instanceof String reference) {
                        spec.put("image", retag(reference, name, image));
                    }
                }
            }
        }
    }

    /** Kustomize's image transformer on one reference: the name part must match exactly. */
    static String retag(String reference, String name, Map<String, Object> image) {
        int at = reference.indexOf('@');
        int colon = reference.lastIndexOf(':');
        int end = at >= 0 ? at : (colon > reference.lastIndexOf('/') ? colon : reference.length());
        if (!reference.substring(0, end).equals(name)) {
            return reference;
        }
        String newName = image.containsKey("newName") ? String.valueOf(image.get("newName")) : name;
        if (image.containsKey("digest")) {
            return newName + "@" + image.get("digest");
        }
        if (image.containsKey("newTag")) {
            return newName + ":" + image.get("newTag");
        }
        return newName + reference.substring(end);
    }

    /** Overlays and pieces under a directory: every directory holding a kustomization.yaml. */
    public static Map<String, Path> kustomizations(Path root) {
        Map<String, Path> found = new LinkedHashMap<>();
        try (var paths = Files.walk(root)) {
            paths.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> !p.toString().contains("/src/") && !p.toString().contains("/target/"))
                    .sorted()
                    .forEach(p -> found.put(root.relativize(p.getParent()).toString(), p.getParent()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }
}
