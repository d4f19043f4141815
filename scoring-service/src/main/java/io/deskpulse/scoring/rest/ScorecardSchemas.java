package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the scoring models API, for the OpenAPI document only (the codecs write the
 * real ones). Classes rather than records so that the answers can extend the documents.
 */
final class ScorecardSchemas {

    private ScorecardSchemas() {
    }

    @Schema(name = "ScorecardKpi", description = "One KPI of a role's model")
    static class Kpi {
        @Schema(required = true, description = "A catalog metric whose value can be compared with a target: "
                + "first_response_avg_s, first_response_p50_s, first_response_p90_s, first_response_bh_avg_s, "
                + "first_response_bh_p50_s, first_response_bh_p90_s, first_response_sla_rate, resolution_avg_s, "
                + "resolution_p50_s, resolution_p90_s, resolution_bh_avg_s, resolution_bh_p50_s, resolution_bh_p90_s, "
                + "reopen_rate, fcr_rate, csat_avg, csat_satisfied_rate, nps, qa_avg, qa_pass_rate, peer_review_avg, "
                + "handle_avg_s, handle_p50_s, handle_p90_s, occupancy, conversion_rate", example = "csat_avg")
        public String metric;
        @Schema(nullable = true, description = "Only this channel's contributions (e.g. first response on chat); null: "
                + "all channels", enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"})
        public String channel;
        @Schema(nullable = true, description = "A label for grouping KPIs (a-z, 0-9, _ and -)", example = "satisfaction_quality")
        public String group;
        @Schema(enumeration = {"higher", "lower"}, description = "Which way is better; default: lower for durations "
                + "(_s) and reopen_rate, higher otherwise. Higher scores min(1, actual/target), lower min(1, target/actual)")
        public String direction;
        @Schema(required = true, description = "The target, in the metric's unit (seconds, a fraction, a score); above 0",
                example = "4.5")
        public Double target;
        @Schema(required = true, description = "Per cent of the score (before the peer-review share); a role's weights "
                + "add up to 100", example = "20")
        public Double weight;
    }

    @Schema(name = "PeerReviewShare", description = "The share of the score that comes from peer reviews "
            + "(peer_review_avg, 1 to 5, against target)")
    static class PeerReview {
        @Schema(required = true, description = "Per cent of the score, above 0 and below 100; the KPIs share the rest",
                example = "15")
        public Double share;
        @Schema(required = true, description = "Target of the average peer review (above 0, at most 5)", example = "4.5")
        public Double target;
    }

    @Schema(name = "RoleModel", description = "A role's scoring model")
    static class RoleModel {
        @Schema(required = true, description = "1 to 30 KPIs, each metric and channel once, weights adding up to 100")
        public List<Kpi> kpis;
        @JsonProperty("peer_review")
        @Schema(nullable = true, description = "Optional peer-review share; null: none")
        public PeerReview peerReview;
    }

    @Schema(name = "ScoringModels", description = "A tenant's scoring models (docs/scorecards.md). In a PUT every field "
            + "is optional and a field left out (or null) takes its default; unknown fields are refused.")
    static class Models {
        @Schema(description = "Role name (a-z, 0-9, _ and -, at most 64) → model; 1 to 50 roles. Default: the catalog's "
                + "frontline_agent, technical_support and team_lead")
        public Map<String, RoleModel> roles;
        @JsonProperty("default_roles")
        @Schema(description = "The role of agents and of teams that have none of their own", example =
                "{\"agent\": \"frontline_agent\", \"team\": \"team_lead\"}")
        public Map<String, String> defaultRoles;
        @JsonProperty("agent_roles")
        @Schema(description = "Agent id → role, for agents whose role is not the default (at most 10,000)",
                example = "{\"a-17\": \"technical_support\"}")
        public Map<String, String> agentRoles;
        @JsonProperty("team_roles")
        @Schema(description = "Team id → role, for teams whose role is not the default (at most 10,000)",
                example = "{\"l2-support\": \"technical_support\"}")
        public Map<String, String> teamRoles;
    }

    @Schema(name = "CurrentScoringModels", description = "The tenant's scoring models with their version")
    static class CurrentModels extends Models {
        @Schema(description = "0 when never saved (the catalog's models); also the ETag, for If-Match")
        public int version;
        @JsonProperty("changed_at")
        @Schema(format = "date-time", nullable = true, description = "null for version 0")
        public String changedAt;
        @JsonProperty("changed_by")
        @Schema(nullable = true, description = "X-DeskPulse-Actor of the change, else key:<fingerprint>; null for version 0")
        public String changedBy;
    }

    @Schema(name = "ScoringModelsVersion", description = "One version's whole document and who changed what")
    static class ModelsVersion extends CurrentModels {
        @JsonProperty("changed_fields")
        @Schema(description = "Top-level fields whose value differs from the previous version", example = "[\"roles\"]")
        public List<String> changedFields;
    }
}
