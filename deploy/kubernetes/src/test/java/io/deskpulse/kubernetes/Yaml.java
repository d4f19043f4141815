package io.deskpulse.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** YAML 1.2 (core schema, as Kubernetes reads it): "yes" and "on" stay strings. */
public final class Yaml {

    private Yaml() {
    }

    public static List<Object> loadAll(String text) {
        Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build());
        List<Object> documents = new ArrayList<>();
        for (Object document : load.loadAllFromString(text)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    public static List<Object> loadAll(Path file) {
        try {
            return loadAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single document of a file that must hold one mapping. */
    public static Map<String, Object> loadMap(Path file) {
        List<Object> documents = loadAll(file);
        if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?>)) {
            throw new KustomizeException(file + ": expected exactly one YAML mapping");
        }
        return Maps.cast(documents.get(0));
    }

    /** A deep copy, so that one rendered object never shares structure with another. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }
}
