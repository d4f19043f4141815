package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.AlertMetric;
import io.deskpulse.scoring.domain.AlertRule;
import io.deskpulse.scoring.service.AlertRuleService;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.Decimals;
import io.deskpulse.scoring.service.FieldErrors;
import io.deskpulse.scoring.service.ScoringModelRules;
import io.deskpulse.scoring.service.SettingsDocument;
import io.deskpulse.scoring.service.WebhookAddresses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An alert rule as sent (docs/alerts.md#rules). The read-only fields of an answer are ignored, so that a GET's body
 * can be edited and sent back; other unknown fields are refused, each named. Whole numbers are read as decimals so
 * that 60.5 minutes is this field's error, said in its words, rather than a failure to bind.
 */
@Schema(name = "AlertRuleBody", description = "An alert rule as sent (docs/alerts.md#rules)")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties({"id", "version", "created_at", "created_by", "updated_at", "updated_by"})
@CheckedDocument.Valid
public record AlertRuleRequest(
        @Schema(required = true, description = "1 to 200 characters", example = "Chat first response too slow")
        String name,
        @Schema(defaultValue = "true", description = "A disabled rule is not evaluated; disabling resolves its open alerts")
        Boolean enabled,
        @Schema(required = true, enumeration = {"tickets_created", "tickets_resolved", "reopened_resolutions", "transfers",
            "customer_messages", "complaints", "first_response_avg_s", "first_response_sla_rate", "resolution_avg_s",
            "reopen_rate", "fcr_rate", "csat_avg", "csat_satisfied_rate", "nps", "handle_avg_s", "qa_avg", "qa_pass_rate",
            "peer_review_avg", "conversion_rate", "reply_avg_s", "offered", "abandoned", "asa_s", "answer_rate",
            "abandon_rate", "service_level_rate", "ces_avg", "ces_easy_rate", "sentiment_avg", "negative_share",
            "cost_per_contact", "cost_per_resolution"},
            description = "A catalog metric computed from sums")
        String metric,
        @Schema(enumeration = {"tenant", "team", "agent"}, defaultValue = "tenant",
                description = "tenant: one reading for the tenant; team/agent: one per team or agent with contributions")
        String dimension,
        @Schema(description = "With team or agent: only these members (at most 1000); empty: all", example = "[\"billing\"]")
        List<String> ids,
        @Schema(nullable = true, enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"},
                description = "Only this channel's contributions; null: all")
        String channel,
        @Schema(type = SchemaType.INTEGER, defaultValue = "60", description = "The window, whole hours in minutes (60 to "
                + "10080). Aggregates are hourly: evaluated at 10:25, a 60-minute window reads 09:00 to 10:25 (the last "
                + "60 minutes whole, and up to 59 more)", example = "60")
        BigDecimal windowMinutes,
        @Schema(required = true, enumeration = {">", ">=", "<", "<="}, description = "value <comparison> threshold raises")
        String comparison,
        @Schema(required = true, description = "In the metric's unit (seconds, a fraction, a score, a count)", example = "120")
        BigDecimal threshold,
        @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "1", description = "Contributions the reading "
                + "must rest on (first responses, ratings, ...; for a count, the count); below it an alert is not "
                + "raised, and an open one resolves", example = "5")
        BigDecimal minVolume,
        @Schema(nullable = true, description = "Optional webhook; null: none") Webhook webhook,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

    static final List<String> FIELDS = List.of("name", "enabled", "metric", "dimension", "ids", "channel",
            "window_minutes", "comparison", "threshold", "min_volume", "webhook");
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_IDS = 1000;
    static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;
    static final int MAX_SECRET_LENGTH = 256;
    static final int MAX_URL_LENGTH = 2000;
    private static final BigDecimal MAX_THRESHOLD = BigDecimal.valueOf(1_000_000_000_000L);

    @Schema(name = "WebhookBody", description = "Where raised and resolved alerts are posted, and the secret that signs them")
    public record Webhook(
            @Schema(required = true, description = "Absolute http or https URL (at most 2000 characters); internal "
                    + "addresses are refused unless the operator allows them", example = "https://hooks.example.com/deskpulse")
            String url,
            @Schema(description = "16 to 256 characters; signs every delivery (HMAC-SHA256). Required with a new webhook; "
                    + "left out on a PUT, the stored secret stays. Never answered.",
                    example = "3f1c9a0e5b7d2c4e6a8f0b1d3e5c7a9f") String secret,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {
    }

    /** The rule asked for, defaults filled in and ids sorted; only once the constraints hold. */
    AlertRule.Draft draft() {
        return new AlertRule.Draft(name.trim(), enabled == null || enabled, AlertMetric.parse(metric).orElseThrow(),
                dimension == null ? "tenant" : dimension, ids == null ? List.of() : List.copyOf(new TreeSet<>(ids)),
                channel, windowMinutes == null ? 60 : windowMinutes.intValueExact(), comparison,
                threshold.stripTrailingZeros(), minVolume == null ? 1 : minVolume.longValueExact(),
                webhook == null ? null : webhook.url(), webhook == null ? null : webhook.secret());
    }

    /** Every rule of an alert rule, each broken one named by its path. */
    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        errors.unknown(unknownFields, "", "is not a field of an alert rule; they are " + String.join(", ", FIELDS));
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "must be a text of 1 to " + MAX_NAME_LENGTH + " characters, got " + shown(name));
        }
        if (metric == null || AlertMetric.parse(metric).isEmpty()) {
            errors.add("metric", "must be one of " + String.join(", ", AlertMetric.labels()) + ", got " + shown(metric));
        }
        choice(dimension, "dimension", AlertRule.DIMENSIONS, errors);
        if (ids != null && !ids.isEmpty()) {
            if (dimension == null || "tenant".equals(dimension)) {
                errors.add("ids", "is only allowed with dimension team or agent");
            } else if (ids.size() > MAX_IDS) {
                errors.add("ids", "must be a list of at most " + MAX_IDS + " team or agent ids");
            } else {
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    if (id == null || id.isEmpty() || id.length() > ScoringModelRules.MAX_ID_LENGTH) {
                        errors.add("ids[" + i + "]", "an id has 1 to " + ScoringModelRules.MAX_ID_LENGTH + " characters");
                    }
                }
            }
        }
        choice(channel, "channel", SettingsDocument.CHANNELS, errors);
        if (windowMinutes != null && (whole(windowMinutes, 60, MAX_WINDOW_MINUTES) == null
                || windowMinutes.intValue() % 60 != 0)) {
            errors.add("window_minutes", "must be whole hours in minutes, from 60 to " + MAX_WINDOW_MINUTES
                    + " (the aggregates are hourly; see docs/alerts.md), got " + windowMinutes);
        }
        if (comparison == null) {
            errors.add("comparison", "is required: one of " + String.join(", ", AlertRule.COMPARISONS));
        } else {
            choice(comparison, "comparison", AlertRule.COMPARISONS, errors);
        }
        String why = Decimals.check(threshold, MAX_THRESHOLD.negate(), true, MAX_THRESHOLD, 6);
        if (why != null) {
            errors.add("threshold", why);
        }
        if (minVolume != null && whole(minVolume, 1, Long.MAX_VALUE) == null) {
            errors.add("min_volume", "must be a whole number of at least 1, got " + minVolume);
        }
        if (webhook != null) {
            webhook(webhook, errors);
        }
        return errors;
    }

    private static void webhook(Webhook webhook, FieldErrors errors) {
        errors.unknown(webhook.unknownFields(), "webhook.", "is not a field of a webhook; they are url, secret");
        if (webhook.url() == null || !httpUrl(webhook.url())) {
            errors.add("webhook.url", "must be an absolute http or https URL of at most " + MAX_URL_LENGTH
                    + " characters, got " + shown(webhook.url()));
        }
        String secret = webhook.secret();
        if (secret != null && (secret.length() < AlertRuleService.MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH)) {
            errors.add("webhook.secret", "must be a text of " + AlertRuleService.MIN_SECRET_LENGTH + " to "
                    + MAX_SECRET_LENGTH + " characters (e.g. openssl rand -hex 32)");
        }
    }

    private static void choice(String value, String field, List<String> allowed, FieldErrors errors) {
        if (value != null && !allowed.contains(value)) {
            errors.add(field, "must be one of " + String.join(", ", allowed) + ", got \"" + value + "\"");
        }
    }

    /** The value when it is a whole number (written without decimals) from min to max, else null. */
    private static Long whole(BigDecimal value, long min, long max) {
        if (value.scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            return null;
        }
        return value.longValueExact();
    }

    private static boolean httpUrl(String text) {
        return text.length() <= MAX_URL_LENGTH && WebhookAddresses.httpUrl(text);
    }

    private static String shown(String text) {
        return text == null ? "nothing" : FieldErrors.quote(text);
    }
}
