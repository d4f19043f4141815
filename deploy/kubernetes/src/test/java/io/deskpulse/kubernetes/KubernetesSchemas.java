package io.deskpulse.kubernetes;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates built-in Kubernetes objects against the API's OpenAPI schema, as generated into the
 * official Java client's models (client-java-api, Kubernetes 1.34): unknown and missing required
 * fields (the models' own validateJsonElement), and the JSON type of every field (walked here,
 * because those models check only the strings).
 */
public final class KubernetesSchemas {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Namespace", V1Namespace.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class);
    private static final Gson GSON = new Gson();
    private static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

    private KubernetesSchemas() {
    }

    public static boolean covers(Map<String, Object> object) {
        return MODELS.containsKey(object.get("apiVersion") + "/" + object.get("kind"));
    }

    /** The metadata of any object, custom resources included. */
    public static List<String> validateMetadata(Map<String, Object> object) {
        List<String> errors = new ArrayList<>();
        JsonElement metadata = GSON.toJsonTree(Maps.map(object, "metadata"));
        errors.addAll(validate(metadata, V1ObjectMeta.class, "metadata"));
        String name = Maps.string(object, "metadata", "name");
        if (name == null || name.length() > 253 || !name.matches(DNS_SUBDOMAIN)) {
            errors.add("metadata.name: '" + name + "' is not a DNS subdomain name");
        }
        if (("Service".equals(object.get("kind")) || "Deployment".equals(object.get("kind")))
                && (name == null || name.length() > 63 || !name.matches("[a-z]([-a-z0-9]*[a-z0-9])?"))) {
            errors.add("metadata.name: '" + name + "' is not a DNS label (RFC 1035)");
        }
        return errors;
    }

    public static List<String> validate(Map<String, Object> object) {
        Class<?> model = MODELS.get(object.get("apiVersion") + "/" + object.get("kind"));
        if (model == null) {
            return List.of("no schema for " + object.get("apiVersion") + " " + object.get("kind"));
        }
        List<String> errors = new ArrayList<>(validateMetadata(object));
        errors.addAll(validate(GSON.toJsonTree(object), model, ""));
        return errors;
    }

    private static List<String> validate(JsonElement json, Class<?> model, String path) {
        List<String> errors = new ArrayList<>();
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        } catch (InvocationTargetException e) {
            errors.add(path + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        checkTypes(json, model, path, errors);
        if (errors.isEmpty()) {
            try {
                new JSON().getGson().fromJson(json, model);
            } catch (RuntimeException e) {
                errors.add(path + ": " + e.getMessage());
            }
        }
        return errors;
    }

    private static void checkTypes(JsonElement json, Type type, String path, List<String> errors) {
        if (json == null || json.isJsonNull()) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                if (!(json instanceof JsonArray array)) {
                    errors.add(path + ": expected an array");
                    return;
                }
                for (int i = 0; i < array.size(); i++) {
                    checkTypes(array.get(i), arguments[0], path + "[" + i + "]", errors);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (!(json instanceof JsonObject object)) {
                    errors.add(path + ": expected an object");
                    return;
                }
                object.entrySet().forEach(e -> checkTypes(e.getValue(), arguments[1], path + "." + e.getKey(), errors));
            }
            return;
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class || cls == OffsetDateTime.class) {
            expect(json, path, errors, "a string", p -> p.isString());
        } else if (cls == Integer.class || cls == Long.class) {
            expect(json, path, errors, "an integer", p -> p.isNumber() && p.getAsBigDecimal().stripTrailingZeros().scale() <= 0);
        } else if (cls == Boolean.class) {
            expect(json, path, errors, "a boolean", JsonPrimitive::isBoolean);
        } else if (Number.class.isAssignableFrom(cls)) {
            expect(json, path, errors, "a number", JsonPrimitive::isNumber);
        } else if (cls == IntOrString.class) {
            expect(json, path, errors, "an integer or a string", p -> p.isString() || p.isNumber());
        } else if (cls == Quantity.class) {
            expect(json, path, errors, "a quantity", p -> p.isString() || p.isNumber());
        } else if (cls.isEnum()) {
            expect(json, path, errors, "one of the enumeration's values", JsonPrimitive::isString);
        } else if (cls == Object.class) {
            return;
        } else if (cls.getPackageName().equals("io.kubernetes.client.openapi.models")) {
            if (!(json instanceof JsonObject object)) {
                errors.add(path + ": expected an object");
                return;
            }
            for (Field field : cls.getDeclaredFields()) {
                SerializedName name = field.getAnnotation(SerializedName.class);
                if (name != null && !Modifier.isStatic(field.getModifiers()) && object.has(name.value())) {
                    checkTypes(object.get(name.value()), field.getGenericType(), path + "." + name.value(), errors);
                }
            }
        } else {
            errors.add(path + ": no type check for " + cls.getName());
        }
    }

    private static void expect(JsonElement json, String path, List<String> errors, String what,
            java.util.function.Predicate<JsonPrimitive> test) {
        if (!(json instanceof JsonPrimitive primitive) || !test.test(primitive)) {
            errors.add(path + ": expected " + what + ", found " + json);
        }
    }
}
