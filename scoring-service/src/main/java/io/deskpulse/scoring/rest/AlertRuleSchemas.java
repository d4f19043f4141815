package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the alert rules API, for the OpenAPI document only ({@code AlertRuleCodec} writes the real ones). */
final class AlertRuleSchemas {

    private AlertRuleSchemas() {
    }

    @Schema(name = "WebhookBody", description = "Where raised and resolved alerts are posted, and the secret that signs them")
    static class WebhookBody {
        @Schema(required = true, description = "Absolute http or https URL (at most 2000 characters); internal addresses "
                + "are refused unless the operator allows them", example = "https://hooks.example.com/deskpulse")
        public String url;
        @Schema(description = "16 to 256 characters; signs every delivery (HMAC-SHA256). Required with a new webhook; "
                + "left out on a PUT, the stored secret stays. Never answered.", example = "3f1c9a0e5b7d2c4e6a8f0b1d3e5c7a9f")
        public String secret;
    }

    @Schema(name = "AlertRuleBody", description = "An alert rule as sent (docs/alerts.md#rules)")
    static class Body {
        @Schema(required = true, description = "1 to 200 characters", example = "Chat first response too slow")
        public String name;
        @Schema(defaultValue = "true", description = "A disabled rule is not evaluated; disabling resolves its open alerts")
        public Boolean enabled;
        @Schema(required = true, enumeration = {"tickets_created", "tickets_resolved", "reopened_resolutions", "transfers",
            "customer_messages", "complaints", "first_response_avg_s", "first_response_sla_rate", "resolution_avg_s",
            "reopen_rate", "fcr_rate", "csat_avg", "csat_satisfied_rate", "nps", "handle_avg_s", "qa_avg", "qa_pass_rate",
            "peer_review_avg", "conversion_rate", "reply_avg_s", "offered", "abandoned", "asa_s", "answer_rate",
            "abandon_rate", "service_level_rate", "cost_per_contact", "cost_per_resolution"},
            description = "A catalog metric computed from sums")
        public String metric;
        @Schema(enumeration = {"tenant", "team", "agent"}, defaultValue = "tenant",
                description = "tenant: one reading for the tenant; team/agent: one per team or agent with contributions")
        public String dimension;
        @Schema(description = "With team or agent: only these members (at most 1000); empty: all", example = "[\"billing\"]")
        public List<String> ids;
        @Schema(nullable = true, enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"},
                description = "Only this channel's contributions; null: all")
        public String channel;
        @JsonProperty("window_minutes")
        @Schema(defaultValue = "60", description = "The window, whole hours in minutes (60 to 10080). Aggregates are "
                + "hourly: evaluated at 10:25, a 60-minute window reads 09:00 to 10:25 (the last 60 minutes whole, and up "
                + "to 59 more)", example = "60")
        public Integer windowMinutes;
        @Schema(required = true, enumeration = {">", ">=", "<", "<="}, description = "value <comparison> threshold raises")
        public String comparison;
        @Schema(required = true, description = "In the metric's unit (seconds, a fraction, a score, a count)", example = "120")
        public Double threshold;
        @JsonProperty("min_volume")
        @Schema(defaultValue = "1", description = "Contributions the reading must rest on (first responses, ratings, ...; "
                + "for a count, the count); below it an alert is not raised, and an open one resolves", example = "5")
        public Long minVolume;
        @Schema(nullable = true, description = "Optional webhook; null: none")
        public WebhookBody webhook;
    }
}
