package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.storage.ScorecardMetrics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Exemption documents (docs/scorecards.md#exemptions) read with every rule checked, and written canonically. */
public final class ExemptionCodec {

    public static final List<String> FIELDS = List.of("teams", "from", "to", "reason", "relaxed_targets", "left_out");
    public static final Set<String> READ_ONLY_FIELDS = Set.of("id", "version", "created_at", "created_by", "updated_at",
            "updated_by");
    static final int MAX_DAYS = 366;
    static final int MAX_TEAMS = 100;
    static final int MAX_REASON_LENGTH = 500;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final BigDecimal MAX_TARGET = BigDecimal.valueOf(1_000_000_000);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ExemptionCodec() {
    }

    public static Exemption.Draft parse(String body) {
        JsonNode document = JsonBodies.read(body, "the exemption");
        if (!document.isObject()) {
            throw new InvalidSettingsException(List.of(new FieldError(null, "must be a JSON object: the exemption")));
        }
        FieldErrors errors = new FieldErrors();
        document.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
                errors.add(name, "is not a field of an exemption; they are " + String.join(", ", FIELDS));
            }
        });
        List<String> teams = teams(document.get("teams"), errors);
        LocalDate from = date(document.get("from"), "from", errors);
        LocalDate to = date(document.get("to"), "to", errors);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add("from", "must not be after to (" + from + " > " + to + ")");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                errors.add("to", "an exemption spans at most " + MAX_DAYS + " days; " + from + ".." + to + " spans "
                        + (ChronoUnit.DAYS.between(from, to) + 1));
            }
        }
        JsonNode reasonNode = document.get("reason");
        String reason = null;
        if (reasonNode == null || !reasonNode.isTextual() || reasonNode.textValue().isBlank()
                || reasonNode.textValue().length() > MAX_REASON_LENGTH) {
            errors.add("reason", "must be a text of 1 to " + MAX_REASON_LENGTH + " characters (scorecards show it), got "
                    + (reasonNode == null ? "nothing" : reasonNode.isTextual() ? FieldErrors.quote(reasonNode.textValue())
                            : reasonNode.toString()));
        } else {
            reason = reasonNode.textValue().trim();
        }
        Map<String, BigDecimal> relaxed = relaxedTargets(document.get("relaxed_targets"), errors);
        List<String> leftOut = leftOut(document.get("left_out"), errors);
        if (relaxed.isEmpty() && leftOut.isEmpty() && !errors.any()) {
            errors.add("relaxed_targets", "an exemption relaxes at least one target or leaves at least one KPI out "
                    + "(left_out); this one changes nothing");
        }
        for (String metric : leftOut) {
            if (relaxed.containsKey(metric)) {
                errors.add("relaxed_targets." + metric, "is also in left_out: a KPI is either left out or relaxed");
            }
        }
        if (errors.any()) {
            throw new InvalidSettingsException(errors.list());
        }
        return new Exemption.Draft(teams, from, to, reason, relaxed, leftOut);
    }

    /** The exemption as the API answers it, and as period reports keep it. */
    public static ObjectNode encode(Exemption e) {
        ObjectNode node = JSON.objectNode();
        node.put("id", e.id());
        node.put("version", e.version());
        if (e.teams() == null) {
            node.set("teams", NullNode.instance);
        } else {
            ArrayNode teams = node.putArray("teams");
            e.teams().forEach(teams::add);
        }
        node.put("from", e.from().toString());
        node.put("to", e.to().toString());
        node.put("reason", e.reason());
        ObjectNode relaxed = node.putObject("relaxed_targets");
        new TreeMap<>(e.relaxedTargets()).forEach((metric, target) -> relaxed.set(metric, Decimals.node(target)));
        ArrayNode leftOut = node.putArray("left_out");
        e.leftOut().forEach(leftOut::add);
        node.put("created_at", e.createdAt().toString());
        node.put("created_by", e.createdBy());
        node.put("updated_at", e.updatedAt().toString());
        node.put("updated_by", e.updatedBy());
        return node;
    }

    private static List<String> teams(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_TEAMS) {
            errors.add("teams", "must be a list of 1 to " + MAX_TEAMS + " team ids, or null for every team");
            return null;
        }
        Set<String> teams = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode team = node.get(i);
            if (!team.isTextual() || team.textValue().isEmpty()
                    || team.textValue().length() > ScoringModelCodec.MAX_ID_LENGTH) {
                errors.add("teams[" + i + "]", "a team id has 1 to " + ScoringModelCodec.MAX_ID_LENGTH + " characters");
            } else if (!teams.add(team.textValue())) {
                errors.add("teams[" + i + "]", "repeats " + FieldErrors.quote(team.textValue()));
            }
        }
        return List.copyOf(new TreeSet<>(teams));
    }

    private static LocalDate date(JsonNode node, String field, FieldErrors errors) {
        if (node != null && node.isTextual() && DATE.matcher(node.textValue()).matches()) {
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(field, "must be a date YYYY-MM-DD (a local day, in the zone scorecards are reported in), got "
                + (node == null ? "nothing" : node.toString()));
        return null;
    }

    private static Map<String, BigDecimal> relaxedTargets(JsonNode node, FieldErrors errors) {
        Map<String, BigDecimal> targets = new TreeMap<>();
        if (node == null || node.isNull()) {
            return targets;
        }
        if (!node.isObject()) {
            errors.add("relaxed_targets", "must be an object: KPI → the target that replaces the model's during the "
                    + "exemption");
            return targets;
        }
        node.fields().forEachRemaining(entry -> {
            String path = "relaxed_targets." + entry.getKey();
            if (!ScorecardMetrics.known(entry.getKey())) {
                errors.add(path, "is not a scorecard KPI; they are " + String.join(", ", ScorecardMetrics.NAMES));
                return;
            }
            BigDecimal target = Decimals.read(entry.getValue(), path, BigDecimal.ZERO, false, MAX_TARGET, 6, errors);
            if (target != null) {
                targets.put(entry.getKey(), target);
            }
        });
        return targets;
    }

    private static List<String> leftOut(JsonNode node, FieldErrors errors) {
        List<String> metrics = new ArrayList<>();
        if (node == null || node.isNull()) {
            return metrics;
        }
        if (!node.isArray()) {
            errors.add("left_out", "must be a list of the KPIs the exemption leaves out");
            return metrics;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode metric = node.get(i);
            if (!metric.isTextual() || !ScorecardMetrics.known(metric.textValue())) {
                errors.add("left_out[" + i + "]", "is not a scorecard KPI; they are " + String.join(", ", ScorecardMetrics.NAMES));
            } else if (metrics.contains(metric.textValue())) {
                errors.add("left_out[" + i + "]", "repeats " + metric.textValue());
            } else {
                metrics.add(metric.textValue());
            }
        }
        metrics.sort(null);
        return metrics;
    }
}
