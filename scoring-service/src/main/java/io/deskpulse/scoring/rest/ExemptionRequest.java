package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.Decimals;
import io.deskpulse.scoring.service.FieldErrors;
import io.deskpulse.storage.ScorecardMetrics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exemption period as sent (docs/scorecards.md#exemptions). The read-only fields of an answer are ignored, so that
 * a GET's body can be edited and sent back; other unknown fields are refused, each named.
 */
@Schema(name = "ExemptionBody", description = "An exemption period as sent (docs/scorecards.md#exemptions)")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties({"id", "version", "created_at", "created_by", "updated_at", "updated_by"})
@CheckedDocument.Valid
public record ExemptionRequest(
        @Schema(nullable = true, description = "1 to 100 team ids; null or left out: every team", example = "[\"billing\"]")
        List<String> teams,
        @Schema(required = true, format = "date", description = "First day (local, in the zone scorecards are "
                + "reported in)", example = "2026-11-03") String from,
        @Schema(required = true, format = "date", description = "Last day, inclusive; at most 366 days after from",
                example = "2026-11-05") String to,
        @Schema(required = true, description = "Why; scorecards show it (1 to 500 characters)",
                example = "Product recall R-12: call volume tripled") String reason,
        @Schema(description = "KPI → the target that replaces the model's for the contributions of these days and teams",
                example = "{\"csat_avg\": 4.0, \"handle_avg_s\": 450}") Map<String, BigDecimal> relaxedTargets,
        @Schema(description = "KPIs whose contributions of these days and teams are left out", example = "[\"fcr_rate\"]")
        List<String> leftOut,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

    static final List<String> FIELDS = List.of("teams", "from", "to", "reason", "relaxed_targets", "left_out");
    static final int MAX_DAYS = 366;
    static final int MAX_TEAMS = 100;
    static final int MAX_TEAM_ID_LENGTH = 128;
    static final int MAX_REASON_LENGTH = 500;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final BigDecimal MAX_TARGET = BigDecimal.valueOf(1_000_000_000);

    /** The exemption asked for; only once the constraints hold. */
    Exemption.Draft draft() {
        Map<String, BigDecimal> relaxed = new TreeMap<>();
        if (relaxedTargets != null) {
            relaxedTargets.forEach((metric, target) -> relaxed.put(metric, target.stripTrailingZeros()));
        }
        return new Exemption.Draft(teams == null ? null : List.copyOf(new TreeSet<>(teams)), date(from), date(to),
                reason.trim(), relaxed, leftOut == null ? List.of() : List.copyOf(new TreeSet<>(leftOut)));
    }

    private static LocalDate date(String text) {
        if (text != null && DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // not a day of the calendar: null, as for any other text
            }
        }
        return null;
    }

    /** Every rule of an exemption, each broken one named by its path. */
    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        errors.unknown(unknownFields, "", "is not a field of an exemption; they are " + String.join(", ", FIELDS));
        teams(teams, errors);
        LocalDate from = checkedDate(from(), "from", errors);
        LocalDate to = checkedDate(to(), "to", errors);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add("from", "must not be after to (" + from + " > " + to + ")");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                errors.add("to", "an exemption spans at most " + MAX_DAYS + " days; " + from + ".."
                    + to + " spans " + (ChronoUnit.DAYS.between(from, to) + 1));
            }
        }
        String reason = reason();
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            errors.add("reason", "must be a text of 1 to " + MAX_REASON_LENGTH
                + " characters (scorecards show it), got " + (reason == null ? "nothing" : FieldErrors.quote(reason)));
        }
        Map<String, BigDecimal> relaxed = relaxedTargets() == null ? Map.of() : relaxedTargets();
        new TreeMap<>(relaxed).forEach((metric, target) -> target(metric, target, errors));
        List<String> leftOut = leftOut() == null ? List.of() : leftOut();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < leftOut.size(); i++) {
            String metric = leftOut.get(i);
            if (metric == null || !ScorecardMetrics.known(metric)) {
                errors.add("left_out[" + i + "]", "is not a scorecard KPI; they are "
                    + String.join(", ", ScorecardMetrics.NAMES));
            } else if (!seen.add(metric)) {
                errors.add("left_out[" + i + "]", "repeats " + metric);
            } else if (relaxed.containsKey(metric)) {
                errors.add("relaxed_targets." + metric,
                    "is also in left_out: a KPI is either left out or relaxed");
            }
        }
        if (relaxed.isEmpty() && leftOut.isEmpty() && !errors.any()) {
            errors.add("relaxed_targets", "an exemption relaxes at least one target or leaves at "
                + "least one KPI out (left_out); this one changes nothing");
        }
        return errors;
    }

    private static void teams(List<String> teams, FieldErrors errors) {
        if (teams == null) {
            return;
        }
        if (teams.isEmpty() || teams.size() > MAX_TEAMS) {
            errors.add("teams", "must be a list of 1 to " + MAX_TEAMS
                + " team ids, or null for every team");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < teams.size(); i++) {
            String team = teams.get(i);
            if (team == null || team.isEmpty() || team.length() > MAX_TEAM_ID_LENGTH) {
                errors.add("teams[" + i + "]", "a team id has 1 to " + MAX_TEAM_ID_LENGTH
                    + " characters");
            } else if (!seen.add(team)) {
                errors.add("teams[" + i + "]", "repeats " + FieldErrors.quote(team));
            }
        }
    }

    private static LocalDate checkedDate(String text, String field, FieldErrors errors) {
        LocalDate day = date(text);
        if (day == null) {
            errors.add(field, "must be a date YYYY-MM-DD (a local day, in the zone scorecards are "
                + "reported in), got " + (text == null ? "nothing" : "\"" + text + "\""));
        }
        return day;
    }

    private static void target(String metric, BigDecimal target, FieldErrors errors) {
        String path = "relaxed_targets." + metric;
        if (!ScorecardMetrics.known(metric)) {
            errors.add(path, "is not a scorecard KPI; they are "
                + String.join(", ", ScorecardMetrics.NAMES));
        } else {
            String why = Decimals.check(target, BigDecimal.ZERO, false, MAX_TARGET, 6);
            if (why != null) {
                errors.add(path, why.replace("got nothing", "got null"));
            }
        }
    }
}
