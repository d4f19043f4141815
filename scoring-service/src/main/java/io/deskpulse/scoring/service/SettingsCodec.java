package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.BusinessHours;
import io.deskpulse.scoring.domain.TenantSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings document of docs/settings.md as JSON and {@link TenantSettings} back and forth. Reading
 * checks every rule and names every bad field by its path; a field left out (or null) takes its default.
 * Writing gives the effective document, every default filled in and in one canonical form, so that two
 * documents with the same meaning are equal JSON: that form is what is stored and what a change is
 * measured against.
 */
@ApplicationScoped
public class SettingsCodec {

    /** The document's fields, in the order they are written. */
    public static final List<String> FIELDS = List.of("time_zone", "business_hours", "team_business_hours",
            "first_response_sla_s", "first_response_sla_s_by_priority", "qa_pass_mark", "complaint_tag");
    /**
     * What a GET answers besides the document: taken and ignored in a PUT, so that a GET's body can be edited
     * and sent back. Concurrency goes through If-Match, never through a "version" in the body.
     */
    public static final Set<String> READ_ONLY_FIELDS = Set.of("version", "changed_at", "changed_by", "changed_fields",
            "pending_recomputation", "recomputation");
    public static final List<String> CHANNELS = List.of("email", "chat", "phone", "web", "social", "messaging", "other");
    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    public static final long MAX_SLA_SECONDS = 30L * 24 * 3600;
    public static final int MAX_COMPLAINT_TAG_LENGTH = 128;
    public static final int MAX_TEAM_ID_LENGTH = 128;
    public static final int MAX_TEAMS = 1000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A request body: the settings, or why not. */
    public TenantSettings parse(String body) {
        return decode(JsonBodies.read(body, "the settings document"));
    }

    public TenantSettings decode(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new InvalidSettingsException(List.of(new FieldError(null, "must be a JSON object: the settings document")));
        }
        FieldErrors errors = new FieldErrors();
        document.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
                errors.add(name, "is not a settings field; they are " + String.join(", ", FIELDS));
            }
        });
        ZoneId zone = given(document, "time_zone") ? Zones.decodeReportZone(document.get("time_zone"), "time_zone", errors)
                : ZoneOffset.UTC;
        BusinessHours hours = given(document, "business_hours")
                ? BusinessHoursCodec.decode(document.get("business_hours"), "business_hours", errors) : null;
        Map<String, BusinessHours> teamHours = teamHours(document.get("team_business_hours"), errors);
        Map<String, Long> sla = new HashMap<>(TenantSettings.DEFAULT_FIRST_RESPONSE_SLA_S);
        sla.putAll(slaPerChannel(document.get("first_response_sla_s"), "first_response_sla_s", errors));
        Map<String, Map<String, Long>> slaByPriority = slaByPriority(document.get("first_response_sla_s_by_priority"),
                errors);
        double qaPassMark = given(document, "qa_pass_mark") ? qaPassMark(document.get("qa_pass_mark"), errors)
                : TenantSettings.DEFAULT_QA_PASS_MARK;
        String complaintTag = given(document, "complaint_tag") ? complaintTag(document.get("complaint_tag"), errors)
                : TenantSettings.DEFAULT_COMPLAINT_TAG;
        if (errors.any()) {
            throw new InvalidSettingsException(errors.list());
        }
        return new TenantSettings(zone, hours, teamHours, sla, slaByPriority, qaPassMark, complaintTag);
    }

    /** The effective document: every field, defaults filled in, in canonical form. */
    public ObjectNode encode(TenantSettings settings) {
        ObjectNode document = JSON.objectNode();
        document.put("time_zone", Zones.encode(settings.timeZone()));
        document.set("business_hours", settings.businessHours() == null ? NullNode.instance
                : BusinessHoursCodec.encode(settings.businessHours()));
        ObjectNode teams = document.putObject("team_business_hours");
        new TreeMap<>(settings.teamBusinessHours()).forEach((team, hours) -> teams.set(team, BusinessHoursCodec.encode(hours)));
        ObjectNode sla = document.putObject("first_response_sla_s");
        for (String channel : CHANNELS) {
            sla.put(channel, settings.firstResponseSlaSeconds().getOrDefault(channel,
                    TenantSettings.DEFAULT_FIRST_RESPONSE_SLA_S.get(channel)));
        }
        ObjectNode byPriority = document.putObject("first_response_sla_s_by_priority");
        for (String priority : PRIORITIES) {
            Map<String, Long> targets = settings.firstResponseSlaSecondsByPriority().get(priority);
            if (targets != null && !targets.isEmpty()) {
                ObjectNode node = byPriority.putObject(priority);
                CHANNELS.stream().filter(targets::containsKey).forEach(channel -> node.put(channel, targets.get(channel)));
            }
        }
        BigDecimal mark = BigDecimal.valueOf(settings.qaPassMark()).stripTrailingZeros();
        document.set("qa_pass_mark", mark.scale() <= 0 ? JSON.numberNode(mark.longValueExact()) : JSON.numberNode(mark));
        document.put("complaint_tag", settings.complaintTag());
        return document;
    }

    /** The canonical JSON text that is stored in tenant_settings_versions. */
    public String toStored(TenantSettings settings) {
        return encode(settings).toString();
    }

    /** A stored document; it passed these rules when it was saved, so a failure is a bug or a hand edit. */
    public TenantSettings fromStored(String json) {
        try {
            return parse(json);
        } catch (InvalidSettingsException | UnreadableSettingsException e) {
            throw new IllegalStateException("a stored settings document no longer reads: " + e.getMessage()
                    + (e instanceof InvalidSettingsException invalid ? " " + invalid.errors() : ""), e);
        }
    }

    private static boolean given(JsonNode document, String field) {
        return document.hasNonNull(field);
    }

    private static Map<String, BusinessHours> teamHours(JsonNode node, FieldErrors errors) {
        Map<String, BusinessHours> teams = new HashMap<>();
        if (node == null || node.isNull()) {
            return teams;
        }
        if (!node.isObject()) {
            errors.add("team_business_hours", "must be an object: team id → business hours");
            return teams;
        }
        if (node.size() > MAX_TEAMS) {
            errors.add("team_business_hours", "must name at most " + MAX_TEAMS + " teams, got " + node.size());
            return teams;
        }
        node.fields().forEachRemaining(entry -> {
            String path = "team_business_hours." + entry.getKey();
            if (entry.getKey().isEmpty() || entry.getKey().length() > MAX_TEAM_ID_LENGTH) {
                errors.add(path, "a team id has 1 to " + MAX_TEAM_ID_LENGTH + " characters");
                return;
            }
            BusinessHours hours = BusinessHoursCodec.decode(entry.getValue(), path, errors);
            if (hours != null) {
                teams.put(entry.getKey(), hours);
            }
        });
        return teams;
    }

    private static Map<String, Long> slaPerChannel(JsonNode node, String path, FieldErrors errors) {
        Map<String, Long> targets = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return targets;
        }
        if (!node.isObject()) {
            errors.add(path, "must be an object: channel → seconds");
            return targets;
        }
        node.fields().forEachRemaining(entry -> {
            String channelPath = path + "." + entry.getKey();
            if (!CHANNELS.contains(entry.getKey())) {
                errors.add(channelPath, "is not a channel; they are " + String.join(", ", CHANNELS));
                return;
            }
            JsonNode seconds = entry.getValue();
            if (seconds.isNumber() && seconds.canConvertToExactIntegral() && seconds.canConvertToLong()
                    && seconds.longValue() >= 1 && seconds.longValue() <= MAX_SLA_SECONDS) {
                targets.put(entry.getKey(), seconds.longValue());
            } else {
                errors.add(channelPath, "must be a whole number of seconds from 1 to " + MAX_SLA_SECONDS
                        + " (30 days), got " + seconds);
            }
        });
        return targets;
    }

    private static Map<String, Map<String, Long>> slaByPriority(JsonNode node, FieldErrors errors) {
        String path = "first_response_sla_s_by_priority";
        Map<String, Map<String, Long>> targets = new HashMap<>();
        if (node == null || node.isNull()) {
            return targets;
        }
        if (!node.isObject()) {
            errors.add(path, "must be an object: priority → (channel → seconds)");
            return targets;
        }
        node.fields().forEachRemaining(entry -> {
            if (!PRIORITIES.contains(entry.getKey())) {
                errors.add(path + "." + entry.getKey(), "is not a priority; they are " + String.join(", ", PRIORITIES));
                return;
            }
            Map<String, Long> perChannel = slaPerChannel(entry.getValue(), path + "." + entry.getKey(), errors);
            if (!perChannel.isEmpty()) {
                targets.put(entry.getKey(), perChannel);
            }
        });
        return targets;
    }

    private static double qaPassMark(JsonNode node, FieldErrors errors) {
        if (!node.isNumber() || node.decimalValue().compareTo(BigDecimal.ZERO) < 0
                || node.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add("qa_pass_mark", "must be a number from 0 to 100, got " + node);
            return 0;
        }
        // Scores are kept in thousandths (docs/storage.md): a finer mark would not mean what it says.
        if (node.decimalValue().stripTrailingZeros().scale() > 3) {
            errors.add("qa_pass_mark", "must have at most 3 decimal places, got " + node);
            return 0;
        }
        return node.decimalValue().doubleValue();
    }

    private static String complaintTag(JsonNode node, FieldErrors errors) {
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > MAX_COMPLAINT_TAG_LENGTH) {
            errors.add("complaint_tag", "must be a non-empty text of at most " + MAX_COMPLAINT_TAG_LENGTH
                    + " characters, got " + (node.isTextual() ? FieldErrors.quote(node.textValue()) : node.toString()));
            return "";
        }
        return node.textValue();
    }
}
