package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskpulse.scoring.domain.AlertMetric;
import io.deskpulse.scoring.domain.AlertRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Alert rule documents (docs/alerts.md#rules) read with every rule checked, and written as the API answers them. */
public final class AlertRuleCodec {

    public static final List<String> FIELDS = List.of("name", "enabled", "metric", "dimension", "ids", "channel",
            "window_minutes", "comparison", "threshold", "min_volume", "webhook");
    public static final Set<String> READ_ONLY_FIELDS = Set.of("id", "version", "created_at", "created_by", "updated_at",
            "updated_by");
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_IDS = 1000;
    static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;
    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 256;
    static final int MAX_URL_LENGTH = 2000;
    private static final BigDecimal MAX_THRESHOLD = BigDecimal.valueOf(1_000_000_000_000L);

    private AlertRuleCodec() {
    }

    public static AlertRule.Draft parse(String body) {
        JsonNode document = JsonBodies.read(body, "the alert rule");
        if (!document.isObject()) {
            throw new InvalidAlertRuleException(List.of(new FieldError(null, "must be a JSON object: the alert rule")));
        }
        FieldErrors errors = new FieldErrors();
        document.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
                errors.add(name, "is not a field of an alert rule; they are " + String.join(", ", FIELDS));
            }
        });
        JsonNode nameNode = document.get("name");
        String name = null;
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()
                || nameNode.textValue().length() > MAX_NAME_LENGTH) {
            errors.add("name", "must be a text of 1 to " + MAX_NAME_LENGTH + " characters, got " + shown(nameNode));
        } else {
            name = nameNode.textValue().trim();
        }
        JsonNode enabledNode = document.get("enabled");
        boolean enabled = true;
        if (enabledNode != null && !enabledNode.isNull()) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.booleanValue();
            } else {
                errors.add("enabled", "must be true or false, got " + enabledNode);
            }
        }
        JsonNode metricNode = document.get("metric");
        AlertMetric metric = metricNode != null && metricNode.isTextual()
                ? AlertMetric.parse(metricNode.textValue()).orElse(null) : null;
        if (metric == null) {
            errors.add("metric", "must be one of " + String.join(", ", AlertMetric.labels()) + ", got " + shown(metricNode));
        }
        String dimension = choice(document.get("dimension"), "dimension", AlertRule.DIMENSIONS, "tenant", errors);
        List<String> ids = ids(document.get("ids"), dimension, errors);
        String channel = choice(document.get("channel"), "channel", SettingsDocument.CHANNELS, null, errors);
        int window = window(document.get("window_minutes"), errors);
        String comparison = choice(document.get("comparison"), "comparison", AlertRule.COMPARISONS, null, errors);
        if (comparison == null && (document.get("comparison") == null || document.get("comparison").isNull())) {
            errors.add("comparison", "is required: one of " + String.join(", ", AlertRule.COMPARISONS));
        }
        BigDecimal threshold = Decimals.read(document.get("threshold"), "threshold", MAX_THRESHOLD.negate(), true,
                MAX_THRESHOLD, 6, errors);
        long minVolume = minVolume(document.get("min_volume"), errors);
        String[] webhook = webhook(document.get("webhook"), errors);
        if (errors.any()) {
            throw new InvalidAlertRuleException(errors.list());
        }
        return new AlertRule.Draft(name, enabled, metric, dimension, ids, channel, window, comparison, threshold, minVolume,
                webhook[0], webhook[1]);
    }

    private static String choice(JsonNode node, String field, List<String> allowed, String fallback, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isTextual() && allowed.contains(node.textValue())) {
            return node.textValue();
        }
        errors.add(field, "must be one of " + String.join(", ", allowed) + ", got " + node);
        return fallback;
    }

    private static List<String> ids(JsonNode node, String dimension, FieldErrors errors) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            return List.of();
        }
        if ("tenant".equals(dimension)) {
            errors.add("ids", "is only allowed with dimension team or agent");
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_IDS) {
            errors.add("ids", "must be a list of at most " + MAX_IDS + " team or agent ids");
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isTextual() || id.textValue().isEmpty() || id.textValue().length() > ScoringModels.MAX_ID_LENGTH) {
                errors.add("ids[" + i + "]", "an id has 1 to " + ScoringModels.MAX_ID_LENGTH + " characters");
            } else {
                ids.add(id.textValue());
            }
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    private static int window(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return 60;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 60
                && node.intValue() <= MAX_WINDOW_MINUTES && node.intValue() % 60 == 0) {
            return node.intValue();
        }
        errors.add("window_minutes", "must be whole hours in minutes, from 60 to " + MAX_WINDOW_MINUTES
                + " (the aggregates are hourly; see docs/alerts.md), got " + node);
        return 60;
    }

    private static long minVolume(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 1) {
            return node.longValue();
        }
        errors.add("min_volume", "must be a whole number of at least 1, got " + node);
        return 1;
    }

    /** [url, secret]; both null without a webhook, the secret null when it is to be kept. */
    private static String[] webhook(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return new String[2];
        }
        if (!node.isObject()) {
            errors.add("webhook", "must be null or an object with url and secret");
            return new String[2];
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("url") && !name.equals("secret")) {
                errors.add("webhook." + name, "is not a field of a webhook; they are url, secret");
            }
        });
        JsonNode urlNode = node.get("url");
        String url = urlNode != null && urlNode.isTextual() ? urlNode.textValue() : null;
        if (url == null || !httpUrl(url)) {
            errors.add("webhook.url", "must be an absolute http or https URL of at most " + MAX_URL_LENGTH
                    + " characters, got " + shown(urlNode));
        }
        JsonNode secretNode = node.get("secret");
        String secret = null;
        if (secretNode != null && !secretNode.isNull()) {
            if (secretNode.isTextual() && secretNode.textValue().length() >= MIN_SECRET_LENGTH
                    && secretNode.textValue().length() <= MAX_SECRET_LENGTH) {
                secret = secretNode.textValue();
            } else {
                errors.add("webhook.secret", "must be a text of " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                        + " characters (e.g. openssl rand -hex 32)");
            }
        }
        return new String[] {url, secret};
    }

    private static boolean httpUrl(String text) {
        return text.length() <= MAX_URL_LENGTH && WebhookAddresses.httpUrl(text);
    }

    private static String shown(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        return node.isTextual() ? FieldErrors.quote(node.textValue()) : node.toString();
    }
}
