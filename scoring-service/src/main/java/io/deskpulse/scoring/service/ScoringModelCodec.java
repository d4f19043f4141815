package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.storage.ScorecardMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The scoring models document (docs/scorecards.md): the model of each role (KPIs with target, direction
 * and weight, an optional peer-review share) and who has which role. Reading checks every rule and names
 * every bad field by its path; a field left out (or null) takes its default, the catalog's models. The
 * answer is the effective document in one canonical form: what is stored, what a change is measured
 * against, and what reporting-service reads to compute scorecards.
 */
@ApplicationScoped
public class ScoringModelCodec {

    /** The document's fields, in the order they are written. */
    public static final List<String> FIELDS = List.of("roles", "default_roles", "agent_roles", "team_roles");
    /** What a GET answers besides the document: taken and ignored in a PUT. */
    public static final Set<String> READ_ONLY_FIELDS = Set.of("version", "changed_at", "changed_by", "changed_fields");
    /** The catalog's models: the storage contract's resource, which reporting-service reads too. */
    public static final String DEFAULTS_RESOURCE = "/scorecards/default-scoring-models.json";

    static final int MAX_ROLES = 50;
    static final int MAX_KPIS = 30;
    static final int MAX_ASSIGNMENTS = 10_000;
    static final int MAX_ID_LENGTH = 128;
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern GROUP_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final List<String> KPI_FIELDS = List.of("metric", "channel", "group", "direction", "target", "weight");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_TARGET = BigDecimal.valueOf(1_000_000_000);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode defaults;

    public ScoringModelCodec() {
        try (InputStream in = ScoringModelCodec.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the build");
            }
            JsonNode stored = JsonBodies.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the defaults");
            this.defaults = canonical(stored, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 0: the catalog's models for every tenant that never saved its own. */
    public ObjectNode defaults() {
        return defaults.deepCopy();
    }

    /** A request body: the effective document, or why not. */
    public ObjectNode parse(String body) {
        return canonical(JsonBodies.read(body, "the scoring models document"), defaults);
    }

    /** A stored document, canonical already. */
    public ObjectNode fromStored(String json) {
        try {
            return canonical(JsonBodies.read(json, "a stored document"), defaults);
        } catch (InvalidSettingsException | UnreadableSettingsException e) {
            throw new IllegalStateException("a stored scoring models document no longer reads: " + e.getMessage(), e);
        }
    }

    /** The top-level fields whose effective value differs. */
    public static List<String> changedFields(ObjectNode before, ObjectNode after) {
        return FIELDS.stream().filter(f -> !Objects.equals(before.get(f), after.get(f))).toList();
    }

    private ObjectNode canonical(JsonNode document, ObjectNode fallback) {
        FieldErrors errors = new FieldErrors();
        if (document == null || !document.isObject()) {
            throw new InvalidSettingsException(List.of(new FieldError(null,
                    "must be a JSON object: the scoring models document")));
        }
        document.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
                errors.add(name, "is not a field of the scoring models; they are " + String.join(", ", FIELDS));
            }
        });
        int beforeRoles = errors.count();
        ObjectNode roles = document.hasNonNull("roles") ? roles(document.get("roles"), errors)
                : (ObjectNode) fallback.get("roles").deepCopy();
        // Role references are checked against valid roles only: a broken role must not be reported twice.
        Set<String> names = errors.count() > beforeRoles ? null : new TreeSet<>();
        if (names != null) {
            roles.fieldNames().forEachRemaining(names::add);
        }
        ObjectNode result = JSON.objectNode();
        result.set("roles", roles);
        result.set("default_roles", defaultRoles(document.get("default_roles"),
                fallback == null ? null : (ObjectNode) fallback.get("default_roles"), names, errors));
        result.set("agent_roles", assignments(document.get("agent_roles"), "agent_roles", names, errors));
        result.set("team_roles", assignments(document.get("team_roles"), "team_roles", names, errors));
        if (errors.any()) {
            throw new InvalidSettingsException(errors.list());
        }
        return result;
    }

    private static ObjectNode roles(JsonNode node, FieldErrors errors) {
        ObjectNode roles = JSON.objectNode();
        if (!node.isObject() || node.isEmpty() || node.size() > MAX_ROLES) {
            errors.add("roles", "must be an object of 1 to " + MAX_ROLES + " roles: role name → model");
            return roles;
        }
        Map<String, ObjectNode> sorted = new TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            String path = "roles." + entry.getKey();
            if (!ROLE_NAME.matcher(entry.getKey()).matches()) {
                errors.add(path, "a role name is 1 to 64 characters a-z, 0-9, _ and -, starting with a letter");
                return;
            }
            ObjectNode model = role(entry.getValue(), path, errors);
            if (model != null) {
                sorted.put(entry.getKey(), model);
            }
        });
        sorted.forEach(roles::set);
        return roles;
    }

    private static ObjectNode role(JsonNode node, String path, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add(path, "must be an object with kpis and peer_review");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("kpis") && !name.equals("peer_review")) {
                errors.add(path + "." + name, "is not a field of a role's model; they are kpis, peer_review");
            }
        });
        int before = errors.count();
        JsonNode peer = node.get("peer_review");
        JsonNode peerReview = peer == null || peer.isNull() ? NullNode.instance : peerReview(peer, path + ".peer_review", errors);
        var kpis = JSON.arrayNode();
        JsonNode list = node.get("kpis");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_KPIS) {
            errors.add(path + ".kpis", "must be a list of 1 to " + MAX_KPIS + " KPIs");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < list.size(); i++) {
                String kpiPath = path + ".kpis[" + i + "]";
                ObjectNode kpi = kpi(list.get(i), kpiPath, errors);
                if (kpi == null) {
                    continue;
                }
                String key = kpi.get("metric").textValue() + (kpi.get("channel").isNull() ? "" : " on " + kpi.get("channel").textValue());
                Integer earlier = seen.putIfAbsent(key, i);
                if (earlier != null) {
                    errors.add(kpiPath, "repeats " + key + " (kpis[" + earlier + "]); a KPI appears once per role and channel");
                }
                if (kpi.get("metric").textValue().equals("peer_review_avg") && !peerReview.isNull()) {
                    errors.add(kpiPath, "peer_review_avg is scored by peer_review (its share) already; use one or the other");
                }
                total = total.add(kpi.get("weight").decimalValue());
                kpis.add(kpi);
            }
            if (errors.count() == before && total.compareTo(HUNDRED) != 0) {
                errors.add(path + ".kpis", "the weights must add up to 100 (per cent of the score before the peer-review "
                        + "share), they add up to " + total.stripTrailingZeros().toPlainString());
            }
        }
        ObjectNode model = JSON.objectNode();
        model.set("kpis", kpis);
        model.set("peer_review", peerReview);
        return model;
    }

    private static ObjectNode kpi(JsonNode node, String path, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add(path, "must be an object with metric, target and weight (channel, group and direction optional)");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!KPI_FIELDS.contains(name)) {
                errors.add(path + "." + name, "is not a field of a KPI; they are " + String.join(", ", KPI_FIELDS));
            }
        });
        int before = errors.count();
        JsonNode metricNode = node.get("metric");
        String metric = metricNode != null && metricNode.isTextual() && ScorecardMetrics.known(metricNode.textValue())
                ? metricNode.textValue() : null;
        if (metric == null) {
            errors.add(path + ".metric", "must be one of " + String.join(", ", ScorecardMetrics.NAMES) + ", got "
                    + (metricNode == null ? "nothing" : metricNode.toString()));
        }
        String channel = optionalChoice(node.get("channel"), path + ".channel", SettingsCodec.CHANNELS, errors);
        JsonNode groupNode = node.get("group");
        String group = null;
        if (groupNode != null && !groupNode.isNull()) {
            if (groupNode.isTextual() && GROUP_NAME.matcher(groupNode.textValue()).matches()) {
                group = groupNode.textValue();
            } else {
                errors.add(path + ".group", "a group name is 1 to 64 characters a-z, 0-9, _ and -, starting with a letter, "
                        + "e.g. satisfaction_quality");
            }
        }
        String direction = optionalChoice(node.get("direction"), path + ".direction", List.of("higher", "lower"), errors);
        BigDecimal target = Decimals.read(node.get("target"), path + ".target", BigDecimal.ZERO, false, MAX_TARGET, 6, errors);
        BigDecimal weight = Decimals.read(node.get("weight"), path + ".weight", BigDecimal.ZERO, false, HUNDRED, 3, errors);
        if (errors.count() > before) {
            return null;
        }
        ObjectNode kpi = JSON.objectNode();
        kpi.put("metric", metric);
        kpi.put("channel", channel);
        kpi.put("group", group);
        kpi.put("direction", direction != null ? direction : ScorecardMetrics.defaultDirection(metric));
        kpi.set("target", Decimals.node(target));
        kpi.set("weight", Decimals.node(weight));
        return kpi;
    }

    private static JsonNode peerReview(JsonNode node, String path, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add(path, "must be null or an object with share and target");
            return NullNode.instance;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("share") && !name.equals("target")) {
                errors.add(path + "." + name, "is not a field of peer_review; they are share, target");
            }
        });
        BigDecimal share = Decimals.read(node.get("share"), path + ".share", BigDecimal.ZERO, false,
                BigDecimal.valueOf(99), 3, errors);
        BigDecimal target = Decimals.read(node.get("target"), path + ".target", BigDecimal.ZERO, false,
                BigDecimal.valueOf(5), 3, errors);
        if (share == null || target == null) {
            return NullNode.instance;
        }
        ObjectNode peer = JSON.objectNode();
        peer.set("share", Decimals.node(share));
        peer.set("target", Decimals.node(target));
        return peer;
    }

    private static ObjectNode defaultRoles(JsonNode node, ObjectNode fallback, Set<String> roles, FieldErrors errors) {
        ObjectNode result = JSON.objectNode();
        if (node != null && !node.isNull() && !node.isObject()) {
            errors.add("default_roles", "must be an object: {\"agent\": <role>, \"team\": <role>}");
            return result;
        }
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                if (!name.equals("agent") && !name.equals("team")) {
                    errors.add("default_roles." + name, "is not a dimension; they are agent, team");
                }
            });
        }
        for (String dimension : List.of("agent", "team")) {
            JsonNode given = node == null || node.isNull() ? null : node.get(dimension);
            String role = given != null && !given.isNull() ? (given.isTextual() ? given.textValue() : given.toString())
                    : fallback != null ? fallback.get(dimension).textValue() : null;
            if (roles != null && (role == null || !roles.contains(role))) {
                errors.add("default_roles." + dimension, "names role " + (role == null ? "nothing" : FieldErrors.quote(role))
                        + ", which is not in roles (" + String.join(", ", roles) + ")");
            }
            result.put(dimension, role);
        }
        return result;
    }

    private static ObjectNode assignments(JsonNode node, String path, Set<String> roles, FieldErrors errors) {
        ObjectNode result = JSON.objectNode();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject() || node.size() > MAX_ASSIGNMENTS) {
            errors.add(path, "must be an object of at most " + MAX_ASSIGNMENTS + " entries: id → role");
            return result;
        }
        Map<String, String> sorted = new TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            String entryPath = path + "." + entry.getKey();
            if (entry.getKey().isEmpty() || entry.getKey().length() > MAX_ID_LENGTH) {
                errors.add(entryPath, "an id has 1 to " + MAX_ID_LENGTH + " characters");
            } else if (!entry.getValue().isTextual()
                    || (roles != null && !roles.contains(entry.getValue().textValue()))) {
                errors.add(entryPath, "must name one of the roles (" + String.join(", ", roles) + "), got "
                        + entry.getValue());
            } else {
                sorted.put(entry.getKey(), entry.getValue().textValue());
            }
        });
        sorted.forEach(result::put);
        return result;
    }

    private static String optionalChoice(JsonNode node, String path, List<String> allowed, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() && allowed.contains(node.textValue())) {
            return node.textValue();
        }
        errors.add(path, "must be one of " + String.join(", ", allowed) + " (or null), got " + node);
        return null;
    }
}
