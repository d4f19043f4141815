package io.deskpulse.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** RFC 6902 JSON Patch over parsed YAML: add, remove, replace, move, copy and test. */
public final class JsonPatch {

    private JsonPatch() {
    }

    /** Applies the operations in order and returns the patched document (the input may be changed). */
    public static Object apply(Object document, List<Object> operations) {
        Object result = document;
        for (Object element : operations) {
            if (!(element instanceof Map<?, ?>)) {
                throw new KustomizeException("a JSON patch operation must be a mapping: " + element);
            }
            Map<String, Object> operation = Maps.cast(element);
            String op = required(operation, "op");
            String path = required(operation, "path");
            result = switch (op) {
                case "add" -> add(result, path, Yaml.copy(value(operation)));
                case "remove" -> remove(result, path);
                case "replace" -> {
                    get(result, path);
                    yield add(remove(result, path), path, Yaml.copy(value(operation)));
                }
                case "move" -> {
                    String from = required(operation, "from");
                    if (path.startsWith(from + "/")) {
                        throw new KustomizeException("JSON patch move from " + from + " into its own child " + path);
                    }
                    Object moved = get(result, from);
                    yield add(remove(result, from), path, moved);
                }
                case "copy" -> add(result, path, Yaml.copy(get(result, required(operation, "from"))));
                case "test" -> {
                    if (!sameValue(get(result, path), value(operation))) {
                        throw new KustomizeException("JSON patch test failed at " + path);
                    }
                    yield result;
                }
                default -> throw new KustomizeException("unknown JSON patch operation: " + op);
            };
        }
        return result;
    }

    private static String required(Map<String, Object> operation, String member) {
        Object value = operation.get(member);
        if (!(value instanceof String text)) {
            throw new KustomizeException("JSON patch operation without '" + member + "': " + operation);
        }
        return text;
    }

    private static Object value(Map<String, Object> operation) {
        if (!operation.containsKey("value")) {
            throw new KustomizeException("JSON patch operation without 'value': " + operation);
        }
        return operation.get("value");
    }

    static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new KustomizeException("a JSON pointer starts with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    static Object get(Object document, String pointer) {
        Object current = document;
        for (String token : tokens(pointer)) {
            current = child(current, token, pointer);
        }
        return current;
    }

    private static Object child(Object container, String token, String pointer) {
        if (container instanceof Map<?, ?> map) {
            if (!map.containsKey(token)) {
                throw new KustomizeException("JSON pointer " + pointer + ": no member '" + token + "'");
            }
            return map.get(token);
        }
        if (container instanceof List<?> list) {
            int index = index(token, list.size() - 1, pointer);
            return list.get(index);
        }
        throw new KustomizeException("JSON pointer " + pointer + " goes through a scalar at '" + token + "'");
    }

    private static int index(String token, int max, String pointer) {
        if (!token.matches("0|[1-9][0-9]*") || Long.parseLong(token) > max) {
            throw new KustomizeException("JSON pointer " + pointer + ": no array element '" + token + "'");
        }
        return Integer.parseInt(token);
    }

    private static Object add(Object document, String pointer, Object value) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return value;
        }
        Object parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, pointer);
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof Map<?, ?>) {
            Maps.cast(parent).put(last, value);
        } else if (parent instanceof List<?>) {
            List<Object> list = Maps.list(parent);
            if (last.equals("-")) {
                list.add(value);
            } else {
                list.add(index(last, list.size(), pointer), value);
            }
        } else {
            throw new KustomizeException("JSON pointer " + pointer + ": the parent is a scalar");
        }
        return document;
    }

    private static Object remove(Object document, String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            throw new KustomizeException("JSON patch cannot remove the whole document");
        }
        Object parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, pointer);
        }
        String last = tokens.get(tokens.size() - 1);
        child(parent, last, pointer);
        if (parent instanceof Map<?, ?> map) {
            map.remove(last);
        } else {
            Maps.list(parent).remove(Integer.parseInt(last));
        }
        return document;
    }

    /** JSON equality: numbers by value (YAML gives Integer or Long), maps and lists deeply. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> sameValue(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
