package io.deskpulse.scoring.service;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.storage.ScorecardMetrics;
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
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's scoring models (docs/scorecards.md): the model of each role (KPIs with target, direction and weight, an
 * optional peer-review share) and who has which role. As a PUT body every field is optional (left out or null: the
 * default, the catalog's models) and unknown fields are refused; {@link #canonical} is the effective document in one
 * form: what is stored, what a change is measured against, and what reporting-service reads to compute scorecards.
 */
@Schema(name = "ScoringModels", description = "A tenant's scoring models (docs/scorecards.md). In a PUT every field "
        + "is optional and a field left out (or null) takes its default; unknown fields are refused.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties({"version", "changed_at", "changed_by", "changed_fields"})
@CheckedDocument.Valid
public record ScoringModels(
        @Schema(description = "Role name (a-z, 0-9, _ and -, at most 64) → model; 1 to 50 roles. Default: the catalog's "
                + "frontline_agent, technical_support and team_lead") Map<String, RoleModel> roles,
        @Schema(description = "The role of agents and of teams that have none of their own") DefaultRoles defaultRoles,
        @Schema(description = "Agent id → role, for agents whose role is not the default (at most 10,000)",
                example = "{\"a-17\": \"technical_support\"}") Map<String, String> agentRoles,
        @Schema(description = "Team id → role, for teams whose role is not the default (at most 10,000)",
                example = "{\"l2-support\": \"technical_support\"}") Map<String, String> teamRoles,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

    /** The document's fields, in the order they are written. */
    public static final List<String> FIELDS = List.of("roles", "default_roles", "agent_roles", "team_roles");
    /** The catalog's models: the storage contract's resource, which reporting-service reads too. */
    public static final String DEFAULTS_RESOURCE = "/scorecards/default-scoring-models.json";
    static final int MAX_ROLES = 50;
    static final int MAX_KPIS = 30;
    static final int MAX_ASSIGNMENTS = 10_000;
    public static final int MAX_ID_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_TARGET = BigDecimal.valueOf(1_000_000_000);
    /** Version 0: the catalog's models for every tenant that never saved its own. */
    public static final ScoringModels DEFAULTS = readDefaults();

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

        static final List<String> FIELDS = List.of("metric", "channel", "group", "direction", "target", "weight");

        String key() {
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

    /** The effective document: defaults from {@code fallback} (null: none), maps sorted, numbers and directions written out. */
    public ScoringModels canonical(ScoringModels fallback) {
        Map<String, RoleModel> effectiveRoles = new TreeMap<>();
        if (roles == null) {
            effectiveRoles.putAll(fallback.roles());
        } else {
            roles.forEach((name, model) -> effectiveRoles.put(name, new RoleModel(model.kpis().stream()
                    .map(k -> new Kpi(k.metric(), k.channel(), k.group(),
                            k.direction() != null ? k.direction() : ScorecardMetrics.defaultDirection(k.metric()),
                            Decimals.plain(k.target()), Decimals.plain(k.weight()), null)).toList(),
                    model.peerReview() == null ? null : new PeerReview(Decimals.plain(model.peerReview().share()),
                            Decimals.plain(model.peerReview().target()), null), null)));
        }
        DefaultRoles given = defaultRoles == null ? new DefaultRoles(null, null, null) : defaultRoles;
        DefaultRoles effectiveDefaults = new DefaultRoles(
                given.agent() != null ? given.agent() : fallback == null ? null : fallback.defaultRoles().agent(),
                given.team() != null ? given.team() : fallback == null ? null : fallback.defaultRoles().team(), null);
        return new ScoringModels(effectiveRoles, effectiveDefaults,
                agentRoles == null ? Map.of() : new TreeMap<>(agentRoles),
                teamRoles == null ? Map.of() : new TreeMap<>(teamRoles), null);
    }

    /** The top-level fields whose effective value differs. */
    public static List<String> changedFields(ScoringModels before, ScoringModels after) {
        return FIELDS.stream().filter(f -> !Objects.equals(before.field(f), after.field(f))).toList();
    }

    private Object field(String name) {
        return switch (name) {
            case "roles" -> roles;
            case "default_roles" -> defaultRoles;
            case "agent_roles" -> agentRoles;
            default -> teamRoles;
        };
    }

    /** The canonical JSON text that is stored in scoring_model_versions. */
    public String toStored() {
        return JsonBodies.toStored(this);
    }

    /** A stored document; it passed the rules when it was saved. */
    public static ScoringModels fromStored(String json) {
        return JsonBodies.fromStored(json, ScoringModels.class).canonical(DEFAULTS);
    }

    private static ScoringModels readDefaults() {
        try (InputStream in = ScoringModels.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the build");
            }
            return JsonBodies.fromStored(new String(in.readAllBytes(), StandardCharsets.UTF_8), ScoringModels.class)
                    .canonical(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule of the document, each broken one named by its path. */
    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        unknown(unknownFields, "", FIELDS, "is not a field of the scoring models; they are ", errors);
        int beforeRoles = errors.count();
        if (roles != null) {
            roles(roles, errors);
        }
        // Role references are checked against valid roles only: a broken role must not be reported twice.
        Set<String> names = errors.count() > beforeRoles ? null
                : new TreeSet<>((roles != null ? roles : DEFAULTS.roles()).keySet());
        defaultRoles(defaultRoles, names, errors);
        assignments(agentRoles, "agent_roles", names, errors);
        assignments(teamRoles, "team_roles", names, errors);
        return errors;
    }

    private static void roles(Map<String, RoleModel> roles, FieldErrors errors) {
        if (roles.isEmpty() || roles.size() > MAX_ROLES) {
            errors.add("roles", "must be an object of 1 to " + MAX_ROLES + " roles: role name → model");
            return;
        }
        roles.forEach((name, model) -> {
            String path = "roles." + name;
            if (!NAME.matcher(name).matches()) {
                errors.add(path, "a role name is 1 to 64 characters a-z, 0-9, _ and -, starting with a letter");
            } else if (model == null) {
                errors.add(path, "must be an object with kpis and peer_review");
            } else {
                role(model, path, errors);
            }
        });
    }

    private static void role(RoleModel model, String path, FieldErrors errors) {
        unknown(model.unknownFields(), path + ".", List.of("kpis", "peer_review"),
                "is not a field of a role's model; they are ", errors);
        int before = errors.count();
        boolean peerReview = model.peerReview() != null && peerReview(model.peerReview(), path + ".peer_review", errors);
        List<Kpi> kpis = model.kpis();
        if (kpis == null || kpis.isEmpty() || kpis.size() > MAX_KPIS) {
            errors.add(path + ".kpis", "must be a list of 1 to " + MAX_KPIS + " KPIs");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < kpis.size(); i++) {
            String kpiPath = path + ".kpis[" + i + "]";
            Kpi kpi = kpis.get(i);
            if (kpi == null) {
                errors.add(kpiPath, "must be an object with metric, target and weight (channel, group and direction "
                        + "optional)");
            } else if (kpi(kpi, kpiPath, errors)) {
                Integer earlier = seen.putIfAbsent(kpi.key(), i);
                if (earlier != null) {
                    errors.add(kpiPath, "repeats " + kpi.key() + " (kpis[" + earlier + "]); a KPI appears once per "
                            + "role and channel");
                }
                if (kpi.metric().equals("peer_review_avg") && peerReview) {
                    errors.add(kpiPath, "peer_review_avg is scored by peer_review (its share) already; use one or "
                            + "the other");
                }
                total = total.add(new BigDecimal(kpi.weight().toString()));
            }
        }
        if (errors.count() == before && total.compareTo(HUNDRED) != 0) {
            errors.add(path + ".kpis", "the weights must add up to 100 (per cent of the score before the peer-review "
                    + "share), they add up to " + total.stripTrailingZeros().toPlainString());
        }
    }

    /** Whether the KPI is valid; else its errors are added. */
    private static boolean kpi(Kpi kpi, String path, FieldErrors errors) {
        unknown(kpi.unknownFields(), path + ".", Kpi.FIELDS, "is not a field of a KPI; they are ", errors);
        int before = errors.count();
        if (kpi.metric() == null || !ScorecardMetrics.known(kpi.metric())) {
            errors.add(path + ".metric", "must be one of " + String.join(", ", ScorecardMetrics.NAMES) + ", got "
                    + (kpi.metric() == null ? "nothing" : "\"" + kpi.metric() + "\""));
        }
        choice(kpi.channel(), path + ".channel", SettingsDocument.CHANNELS, errors);
        if (kpi.group() != null && !NAME.matcher(kpi.group()).matches()) {
            errors.add(path + ".group", "a group name is 1 to 64 characters a-z, 0-9, _ and -, starting with a "
                    + "letter, e.g. satisfaction_quality");
        }
        choice(kpi.direction(), path + ".direction", List.of("higher", "lower"), errors);
        number(kpi.target(), path + ".target", MAX_TARGET, 6, errors);
        number(kpi.weight(), path + ".weight", HUNDRED, 3, errors);
        return errors.count() == before;
    }

    private static boolean peerReview(PeerReview peer, String path, FieldErrors errors) {
        unknown(peer.unknownFields(), path + ".", List.of("share", "target"), "is not a field of peer_review; they "
                + "are ", errors);
        return number(peer.share(), path + ".share", BigDecimal.valueOf(99), 3, errors)
                & number(peer.target(), path + ".target", BigDecimal.valueOf(5), 3, errors);
    }

    private static void defaultRoles(DefaultRoles given, Set<String> roles, FieldErrors errors) {
        if (given != null) {
            unknown(given.unknownFields(), "default_roles.", List.of("agent", "team"), "is not a dimension; they "
                    + "are ", errors);
        }
        BiConsumer<String, String> check = (dimension, role) -> {
            if (roles != null && (role == null || !roles.contains(role))) {
                errors.add("default_roles." + dimension, "names role " + (role == null ? "nothing"
                        : FieldErrors.quote(role)) + ", which is not in roles (" + String.join(", ", roles) + ")");
            }
        };
        check.accept("agent", given != null && given.agent() != null ? given.agent() : DEFAULTS.defaultRoles().agent());
        check.accept("team", given != null && given.team() != null ? given.team() : DEFAULTS.defaultRoles().team());
    }

    private static void assignments(Map<String, String> assigned, String path, Set<String> roles,
            FieldErrors errors) {
        if (assigned == null) {
            return;
        }
        if (assigned.size() > MAX_ASSIGNMENTS) {
            errors.add(path, "must be an object of at most " + MAX_ASSIGNMENTS + " entries: id → role");
            return;
        }
        assigned.forEach((id, role) -> {
            if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
                errors.add(path + "." + id, "an id has 1 to " + MAX_ID_LENGTH + " characters");
            } else if (role == null || (roles != null && !roles.contains(role))) {
                errors.add(path + "." + id, "must name one of the roles (" + String.join(", ",
                        roles == null ? Set.of() : roles) + "), got " + (role == null ? "null" : "\"" + role + "\""));
            }
        });
    }

    private static void choice(String value, String path, List<String> allowed, FieldErrors errors) {
        if (value != null && !allowed.contains(value)) {
            errors.add(path, "must be one of " + String.join(", ", allowed) + " (or null), got \"" + value + "\"");
        }
    }

    private static boolean number(Number value, String path, BigDecimal max, int maxScale, FieldErrors errors) {
        String why = Decimals.check(value, BigDecimal.ZERO, false, max, maxScale);
        if (why != null) {
            errors.add(path, why);
        }
        return why == null;
    }

    private static void unknown(Map<String, Object> unknown, String prefix, List<String> fields, String reason,
            FieldErrors errors) {
        if (unknown != null) {
            new TreeSet<>(unknown.keySet()).forEach(name -> errors.add(prefix + name, reason
                    + String.join(", ", fields)));
        }
    }
}
