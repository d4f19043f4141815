package io.deskpulse.storage;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's scoring models (docs/scorecards.md): the model of each role (KPIs with target, direction and weight, an
 * optional peer-review share) and who has which role. The one type of this JSON shape in both services: scoring-service
 * reads it as its PUT body (every field optional, unknown ones collected for its rules to refuse), and
 * {@link #canonical} is the effective document in one form: what it stores, what a change is measured against, and
 * what reporting-service reads back to compute scorecards.
 */
@Schema(name = "ScoringModels", description = "A tenant's scoring models (docs/scorecards.md). In a PUT every field "
        + "is optional and a field left out (or null) takes its default; unknown fields are refused.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties({"version", "changed_at", "changed_by", "changed_fields"})
public record ScoringModelsDocument(
        @Schema(description = "Role name (a-z, 0-9, _ and -, at most 64) → model; 1 to 50 roles. Default: the catalog's "
                + "frontline_agent, technical_support and team_lead") Map<String, RoleModel> roles,
        @Schema(description = "The role of agents and of teams that have none of their own") DefaultRoles defaultRoles,
        @Schema(description = "Agent id → role, for agents whose role is not the default (at most 10,000)",
                example = "{\"a-17\": \"technical_support\"}") Map<String, String> agentRoles,
        @Schema(description = "Team id → role, for teams whose role is not the default (at most 10,000)",
                example = "{\"l2-support\": \"technical_support\"}") Map<String, String> teamRoles,
        @Schema(description = "Streaks (docs/scorecards.md#streaks): the score at or above which a kept period counts "
                + "toward a team's or agent's streak. Default: min_score 80") Streaks streaks,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {

    /** The document's fields, in the order they are written. */
    public static final List<String> FIELDS = List.of("roles", "default_roles", "agent_roles", "team_roles", "streaks");
    /** The streak threshold of a tenant that never set one (docs/scorecards.md#streaks). */
    public static final int DEFAULT_STREAK_MIN_SCORE = 80;
    /** The catalog's models: the storage contract's resource, which reporting-service reads too. */
    public static final String DEFAULTS_RESOURCE = "/scorecards/default-scoring-models.json";
    /** Version 0: the catalog's models for every tenant that never saved its own. */
    public static final ScoringModelsDocument DEFAULTS = readDefaults();

    @Schema(name = "RoleModel", description = "A role's scoring model")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RoleModel(
            @Schema(required = true, description = "1 to 30 KPIs, each metric and channel once, weights adding up to 100")
            List<Kpi> kpis,
            @Schema(nullable = true, description = "Optional peer-review share; null: none") PeerReview peerReview,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {
    }

    @Schema(name = "ScorecardKpi", description = "One KPI of a role's model")
    public record Kpi(
            @Schema(required = true, description = "A catalog metric whose value can be compared with a target: "
                    + "first_response_avg_s, first_response_p50_s, first_response_p90_s, first_response_bh_avg_s, "
                    + "first_response_bh_p50_s, first_response_bh_p90_s, first_response_sla_rate, resolution_avg_s, "
                    + "resolution_p50_s, resolution_p90_s, resolution_bh_avg_s, resolution_bh_p50_s, resolution_bh_p90_s, "
                    + "reopen_rate, fcr_rate, csat_avg, csat_satisfied_rate, nps, qa_avg, qa_pass_rate, peer_review_avg, "
                    + "handle_avg_s, handle_p50_s, handle_p90_s, occupancy, conversion_rate", example = "csat_avg")
            String metric,
            @Schema(nullable = true, description = "Only this channel's contributions (e.g. first response on chat); "
                    + "null: all channels", enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"})
            String channel,
            @Schema(nullable = true, description = "A label for grouping KPIs (a-z, 0-9, _ and -)",
                    example = "satisfaction_quality") String group,
            @Schema(enumeration = {"higher", "lower"}, description = "Which way is better; default: lower for durations "
                    + "(_s) and reopen_rate, higher otherwise. Higher scores min(1, actual/target), lower "
                    + "min(1, target/actual)") String direction,
            @Schema(required = true, type = SchemaType.NUMBER, description = "The target, in the metric's unit "
                    + "(seconds, a fraction, a score); above 0", example = "4.5") Number target,
            @Schema(required = true, type = SchemaType.NUMBER, description = "Per cent of the score (before the "
                    + "peer-review share); a role's weights add up to 100", example = "20") Number weight,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {

        public static final List<String> FIELDS = List.of("metric", "channel", "group", "direction", "target", "weight");

        /** The KPI's identity in a role: its metric, on its channel if it has one. */
        public String key() {
            return metric + (channel == null ? "" : " on " + channel);
        }
    }

    @Schema(name = "PeerReviewShare", description = "The share of the score that comes from peer reviews "
            + "(peer_review_avg, 1 to 5, against target)")
    public record PeerReview(
            @Schema(required = true, type = SchemaType.NUMBER, description = "Per cent of the score, above 0 and below "
                    + "100; the KPIs share the rest", example = "15") Number share,
            @Schema(required = true, type = SchemaType.NUMBER, description = "Target of the average peer review (above "
                    + "0, at most 5)", example = "4.5") Number target,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {
    }

    @Schema(name = "DefaultRoles", description = "The role of agents and of teams that have none of their own")
    public record DefaultRoles(@Schema(example = "frontline_agent") String agent,
            @Schema(example = "team_lead") String team,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {
    }

    @Schema(name = "StreakSettings", description = "How kept period reports count streaks (docs/scorecards.md#streaks)")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Streaks(
            @Schema(type = SchemaType.NUMBER, description = "A kept period whose score is at least this (0 to 100, at "
                    + "most 3 decimals) counts toward the streak; default 80", example = "80") Number minScore,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {

        public static final List<String> FIELDS = List.of("min_score");
    }

    /** The streak threshold of this (canonical) document. */
    public double streakMinScore() {
        return streaks == null || streaks.minScore() == null ? DEFAULT_STREAK_MIN_SCORE
                : streaks.minScore().doubleValue();
    }

    /** The effective document: defaults from {@code fallback} (null: none), maps sorted, numbers and directions written out. */
    public ScoringModelsDocument canonical(ScoringModelsDocument fallback) {
        Map<String, RoleModel> effectiveRoles = new TreeMap<>();
        if (roles == null) {
            effectiveRoles.putAll(fallback.roles());
        } else {
            roles.forEach((name, model) -> effectiveRoles.put(name, new RoleModel(model.kpis().stream()
                    .map(k -> new Kpi(k.metric(), k.channel(), k.group(),
                            k.direction() != null ? k.direction() : ScorecardMetrics.defaultDirection(k.metric()),
                            plain(k.target()), plain(k.weight()), null)).toList(),
                    model.peerReview() == null ? null : new PeerReview(plain(model.peerReview().share()),
                            plain(model.peerReview().target()), null), null)));
        }
        DefaultRoles given = defaultRoles == null ? new DefaultRoles(null, null, null) : defaultRoles;
        DefaultRoles effectiveDefaults = new DefaultRoles(
                given.agent() != null ? given.agent() : fallback == null ? null : fallback.defaultRoles().agent(),
                given.team() != null ? given.team() : fallback == null ? null : fallback.defaultRoles().team(), null);
        // Not taken from the fallback: a document that leaves streaks out means the default, also for a tenant whose
        // earlier version set one (as for every other field, a PUT replaces the whole document).
        Number minScore = plain(streaks == null || streaks.minScore() == null ? DEFAULT_STREAK_MIN_SCORE
                : streaks.minScore());
        return new ScoringModelsDocument(effectiveRoles, effectiveDefaults,
                agentRoles == null ? Map.of() : new TreeMap<>(agentRoles),
                teamRoles == null ? Map.of() : new TreeMap<>(teamRoles), new Streaks(minScore, null), null);
    }

    /** The top-level fields whose effective value differs. */
    public static List<String> changedFields(ScoringModelsDocument before, ScoringModelsDocument after) {
        return FIELDS.stream().filter(f -> !Objects.equals(before.field(f), after.field(f))).toList();
    }

    private Object field(String name) {
        return switch (name) {
            case "roles" -> roles;
            case "default_roles" -> defaultRoles;
            case "agent_roles" -> agentRoles;
            case "streaks" -> streaks;
            default -> teamRoles;
        };
    }

    /** The canonical JSON text that is stored in scoring_model_versions. */
    public String toStored() {
        return StoredJson.write(this);
    }

    /** A stored document; it passed the rules when it was saved. */
    public static ScoringModelsDocument fromStored(String json) {
        return StoredJson.read(json, ScoringModelsDocument.class).canonical(DEFAULTS);
    }

    private static ScoringModelsDocument readDefaults() {
        try (InputStream in = ScoringModelsDocument.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the build");
            }
            return StoredJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ScoringModelsDocument.class)
                    .canonical(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number as written canonically: 80 and 0.85, not 80.000 or 8E+1. */
    public static Number plain(Number value) {
        BigDecimal stripped = new BigDecimal(value.toString()).stripTrailingZeros();
        return stripped.scale() <= 0 ? (Number) stripped.longValueExact() : stripped;
    }
}
