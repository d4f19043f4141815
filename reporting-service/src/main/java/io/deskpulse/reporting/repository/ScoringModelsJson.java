package io.deskpulse.reporting.repository;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.ModelKpi;
import io.deskpulse.reporting.domain.scorecard.RoleModel;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the documents scoring-service writes for scorecards: a scoring models version (its canonical form,
 * validated when it was saved) and exemptions as period reports keep them. Version 0 of the models is the
 * catalog's, the storage contract's resource that scoring-service answers too.
 */
final class ScoringModelsJson {

    static final String DEFAULTS_RESOURCE = "/scorecards/default-scoring-models.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ScoringModels DEFAULTS = parse(0, defaultsDocument());

    private ScoringModelsJson() {
    }

    static ScoringModels defaults() {
        return DEFAULTS;
    }

    /** A stored scoring models document of the given version. */
    static ScoringModels parse(int version, String document) {
        JsonNode root = read(document);
        Map<String, RoleModel> roles = new LinkedHashMap<>();
        root.get("roles").fields().forEachRemaining(e -> roles.put(e.getKey(), role(e.getValue())));
        return new ScoringModels(version, Map.copyOf(roles), root.get("default_roles").get("agent").textValue(),
                root.get("default_roles").get("team").textValue(), strings(root.get("agent_roles")),
                strings(root.get("team_roles")));
    }

    /** Exemptions as a JSON array of the API's shape (period reports keep those in force this way). */
    static List<Exemption> exemptions(String array) {
        List<Exemption> exemptions = new ArrayList<>();
        for (JsonNode node : read(array)) {
            List<String> teams = null;
            if (node.hasNonNull("teams")) {
                teams = new ArrayList<>();
                for (JsonNode team : node.get("teams")) {
                    teams.add(team.textValue());
                }
            }
            Set<String> leftOut = new TreeSet<>();
            node.get("left_out").forEach(m -> leftOut.add(m.textValue()));
            exemptions.add(new Exemption(node.get("id").longValue(), teams, LocalDate.parse(node.get("from").textValue()),
                    LocalDate.parse(node.get("to").textValue()), node.get("reason").textValue(),
                    targets(node.get("relaxed_targets").toString()), Set.copyOf(leftOut)));
        }
        return exemptions;
    }

    /** An exemption's relaxed targets as stored (a JSON object KPI → number). */
    static Map<String, Double> targets(String object) {
        Map<String, Double> targets = new HashMap<>();
        read(object).fields().forEachRemaining(e -> targets.put(e.getKey(), e.getValue().doubleValue()));
        return Map.copyOf(targets);
    }

    private static RoleModel role(JsonNode node) {
        List<ModelKpi> kpis = new ArrayList<>();
        for (JsonNode kpi : node.get("kpis")) {
            kpis.add(new ModelKpi(kpi.get("metric").textValue(), text(kpi.get("channel")), text(kpi.get("group")),
                    "higher".equals(kpi.get("direction").textValue()), kpi.get("target").doubleValue(),
                    kpi.get("weight").doubleValue()));
        }
        JsonNode peer = node.get("peer_review");
        boolean shared = peer != null && !peer.isNull();
        return new RoleModel(List.copyOf(kpis), shared ? peer.get("share").doubleValue() : null,
                shared ? peer.get("target").doubleValue() : null);
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().textValue()));
        }
        return Map.copyOf(map);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a scorecard document written by scoring-service does not read: " + json, e);
        }
    }

    private static String defaultsDocument() {
        try (InputStream in = ScoringModelsJson.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
