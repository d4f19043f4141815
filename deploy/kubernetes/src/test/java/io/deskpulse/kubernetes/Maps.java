package io.deskpulse.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Navigation in parsed YAML (maps of strings to maps, lists and scalars). */
public final class Maps {

    private Maps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The value at a dotted path of map keys, or empty if any step is missing. */
    public static Optional<Object> at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    public static Map<String, Object> map(Object root, String... keys) {
        return at(root, keys).map(Maps::cast).orElse(Map.of());
    }

    public static List<Object> list(Object root, String... keys) {
        return at(root, keys).map(Maps::list).orElse(List.of());
    }

    public static String string(Object root, String... keys) {
        return at(root, keys).map(String::valueOf).orElse(null);
    }
}
