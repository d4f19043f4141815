package io.deskpulse.scoring.service;

import io.deskpulse.storage.ScorecardMetrics;
import io.deskpulse.storage.ScoringModelsDocument;
import io.deskpulse.storage.ScoringModelsDocument.DefaultRoles;
import io.deskpulse.storage.ScoringModelsDocument.Kpi;
import io.deskpulse.storage.ScoringModelsDocument.PeerReview;
import io.deskpulse.storage.ScoringModelsDocument.RoleModel;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The rules of a scoring models document (docs/scorecards.md) as a PUT body: every field is optional, unknown fields
 * are refused, roles are valid models whose weights add up to 100, and every assignment names a role.
 */
public final class ScoringModelRules {

    static final int MAX_ROLES = 50;
    static final int MAX_KPIS = 30;
    static final int MAX_ASSIGNMENTS = 10_000;
    /** Of a team or agent id. */
    public static final int MAX_ID_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_TARGET = BigDecimal.valueOf(1_000_000_000);

    private ScoringModelRules() {
    }

    /** Every rule of the document, each broken one named by its path. */
    public static FieldErrors check(ScoringModelsDocument document) {
        Map<String, RoleModel> roles = document.roles();
        FieldErrors errors = new FieldErrors();
        errors.unknown(document.unknownFields(), "", "is not a field of the scoring models; they are "
                + String.join(", ", ScoringModelsDocument.FIELDS));
        int beforeRoles = errors.count();
        if (roles != null) {
            roles(roles, errors);
        }
        // Role references are checked against valid roles only: a broken role must not be reported twice.
        Set<String> names = errors.count() > beforeRoles ? null
                : new TreeSet<>((roles != null ? roles : ScoringModelsDocument.DEFAULTS.roles()).keySet());
        defaultRoles(document.defaultRoles(), names, errors);
        assignments(document.agentRoles(), "agent_roles", names, errors);
        assignments(document.teamRoles(), "team_roles", names, errors);
        streaks(document.streaks(), errors);
        return errors;
    }

    /** A score from 0 to 100 in thousandths, as scores are compared with it (docs/scorecards.md#streaks). */
    private static void streaks(ScoringModelsDocument.Streaks streaks, FieldErrors errors) {
        if (streaks == null) {
            return;
        }
        errors.unknown(streaks.unknownFields(), "streaks.", "is not a field of streaks; they are "
                + String.join(", ", ScoringModelsDocument.Streaks.FIELDS));
        if (streaks.minScore() != null) {
            String why = Decimals.check(streaks.minScore(), BigDecimal.ZERO, true, HUNDRED, 3);
            if (why != null) {
                errors.add("streaks.min_score", why);
            }
        }
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
        errors.unknown(model.unknownFields(), path + ".", "is not a field of a role's model; they are kpis, peer_review");
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
        errors.unknown(kpi.unknownFields(), path + ".", "is not a field of a KPI; they are " + String.join(", ", Kpi.FIELDS));
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
        errors.unknown(peer.unknownFields(), path + ".", "is not a field of peer_review; they are share, target");
        return number(peer.share(), path + ".share", BigDecimal.valueOf(99), 3, errors)
                & number(peer.target(), path + ".target", BigDecimal.valueOf(5), 3, errors);
    }

    private static void defaultRoles(DefaultRoles given, Set<String> roles, FieldErrors errors) {
        if (given != null) {
            errors.unknown(given.unknownFields(), "default_roles.", "is not a dimension; they are agent, team");
        }
        BiConsumer<String, String> check = (dimension, role) -> {
            if (roles != null && (role == null || !roles.contains(role))) {
                errors.add("default_roles." + dimension, "names role " + (role == null ? "nothing"
                        : FieldErrors.quote(role)) + ", which is not in roles (" + String.join(", ", roles) + ")");
            }
        };
        check.accept("agent", given != null && given.agent() != null ? given.agent() : ScoringModelsDocument.DEFAULTS.defaultRoles().agent());
        check.accept("team", given != null && given.team() != null ? given.team() : ScoringModelsDocument.DEFAULTS.defaultRoles().team());
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

}
