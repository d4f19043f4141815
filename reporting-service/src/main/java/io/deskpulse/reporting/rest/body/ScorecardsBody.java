package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.ScorecardLine;
import io.deskpulse.reporting.domain.scorecard.ScorecardPage;
import io.deskpulse.reporting.domain.scorecard.ScorecardRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of scorecards ({@code GET /v1/scorecards}, and a kept report's): in JSON one row per member and period with
 * the KPIs used (actual, target, weight, points), the KPIs left out and why, and the exemptions that changed something;
 * in CSV, for BI tools, one flat {@link CsvRecord} per member, period and KPI of the model (used or left out), the
 * member's score repeated on each.
 */
@Schema(name = "ScorecardPage", requiredProperties = {"dimension", "granularity", "tz", "from", "to", "rows",
    "next_cursor"}, additionalProperties = Schema.False.class)
public record ScorecardsBody(
        @Schema(enumeration = {"agent", "team"}, description = "Whose scorecards", example = "agent") String dimension,
        @Schema(enumeration = {"day", "week", "month", "total"}, description = "The periods' length", example = "week")
        String granularity,
        @Schema(description = "The IANA zone of the periods", example = "UTC") String tz,
        @Schema(description = "First day", example = "2026-11-02") LocalDate from,
        @Schema(description = "Last day", example = "2026-11-08") LocalDate to,
        List<Row> rows,
        @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as cursor for the next page; null "
                + "on the last page") String nextCursor) implements ReportBody {

    public static ScorecardsBody of(ScorecardPage page) {
        KpiQuery q = page.query();
        return new ScorecardsBody(q.dimension().label(), q.granularity().label(), q.zone().getId(), q.from(), q.to(),
                page.rows().stream().map(Row::of).toList(), page.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        List<CsvRecord> records = new ArrayList<>();
        rows.forEach(row -> records.addAll(row.records));
        return CsvRecords.of(CsvRecord.class, records);
    }

    @Schema(name = "ScorecardRow", description = "A member's scorecard for one period",
            requiredProperties = {"period", "id", "role", "model_version", "score", "kpis", "left_out", "exemptions"},
            additionalProperties = Schema.False.class)
    public record Row(
            @Schema(description = "First day of the period (as in /v1/kpis)", example = "2026-11-02") LocalDate period,
            @Schema(description = "The agent or team id", example = "a-17") String id,
            @Schema(description = "The role whose model scored it", example = "frontline_agent") String role,
            @JsonProperty("model_version") @Schema(description = "The scoring models version (0: the catalog's)",
                    example = "0") int modelVersion,
            @Schema(nullable = true, description = "0 to 100: the sum of the points; null when no KPI of the model had "
                    + "data", example = "86.78852430869917") Double score,
            @Schema(description = "The KPIs that count, in the model's order, with actual, target, weight and points")
            List<Kpi> kpis,
            @JsonProperty("left_out") @Schema(description = "The KPIs of the model that do not count, and why")
            List<LeftOut> leftOut,
            @Schema(description = "The exemptions that changed some KPI") List<AppliedExemption> exemptions,
            @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore List<CsvRecord> records) {

        static Row of(ScorecardRow row) {
            Scorecard card = Scorecard.of(row.scorecard());
            return new Row(row.period(), row.id(), card.role, card.modelVersion, card.score, card.kpis, card.leftOut,
                    card.exemptions, CsvRecord.of(row.period(), row.id(), row.scorecard()));
        }
    }

    @Schema(name = "Scorecard", description = "A scorecard: the role and models version it was scored with, the score, "
            + "the KPIs used, the KPIs left out and the exemptions applied",
            requiredProperties = {"role", "model_version", "score", "kpis", "left_out", "exemptions"},
            additionalProperties = Schema.False.class)
    public record Scorecard(
            @Schema(description = "The role whose model scored it", example = "team_lead") String role,
            @JsonProperty("model_version") @Schema(description = "The scoring models version (0: the catalog's)",
                    example = "0") int modelVersion,
            @Schema(nullable = true, description = "0 to 100: the sum of the points; null when no KPI of the model had "
                    + "data", example = "86.78852430869917") Double score,
            @Schema(description = "The KPIs that count, in the model's order") List<Kpi> kpis,
            @JsonProperty("left_out") @Schema(description = "The KPIs of the model that do not count, and why")
            List<LeftOut> leftOut,
            @Schema(description = "The exemptions that changed some KPI") List<AppliedExemption> exemptions) {

        static Scorecard of(io.deskpulse.reporting.domain.scorecard.Scorecard card) {
            List<Kpi> used = new ArrayList<>();
            List<LeftOut> leftOut = new ArrayList<>();
            for (ScorecardLine line : card.lines()) {
                if (line.used()) {
                    used.add(Kpi.of(line));
                } else {
                    leftOut.add(LeftOut.of(line));
                }
            }
            return new Scorecard(card.role(), card.modelVersion(), card.score(), used, leftOut,
                    card.exemptions().stream().map(AppliedExemption::of).toList());
        }
    }

    @Schema(name = "ScorecardKpi", description = "A KPI of the model that had data in the period and counts",
            requiredProperties = {"kpi", "channel", "group", "direction", "target", "effective_target", "actual", "volume",
                "weight", "effective_weight", "attainment", "points", "exemptions"},
            additionalProperties = Schema.False.class)
    public record Kpi(
            @Schema(description = "The catalog metric", example = "csat_avg") String kpi,
            @Schema(nullable = true, description = "Only this channel's contributions; null: all channels", example = "chat")
            String channel,
            @Schema(nullable = true, description = "The model's label for grouping KPIs", example = "satisfaction_quality")
            String group,
            @Schema(enumeration = {"higher", "lower"}, description = "Which way is better", example = "higher")
            String direction,
            @Schema(description = "The model's target", example = "4.5") double target,
            @JsonProperty("effective_target") @Schema(description = "The target scored against: the model's, or, when "
                    + "exemptions relax it for some contributions, the mix of the targets weighted by volume",
                    example = "4.5") double effectiveTarget,
            @Schema(description = "The KPI's value over the contributions it counts (exemptions' left-out parts removed)",
                    example = "4.2") double actual,
            @Schema(description = "How many contributions the value rests on (its denominator: ratings, first responses, "
                    + "solves, online milliseconds for occupancy; values for a percentile)", example = "10") long volume,
            @Schema(description = "Per cent of the score when every KPI has data (the model's weight after the "
                    + "peer-review share)", example = "22.0") double weight,
            @JsonProperty("effective_weight") @Schema(description = "Per cent of the score after rescaling over the KPIs "
                    + "used", example = "26.190476190476193") double effectiveWeight,
            @Schema(description = "min(1, actual/target) (higher is better) or min(1, target/actual) (lower), 0 to 1",
                    example = "0.9333333333333333") double attainment,
            @Schema(description = "effective_weight x attainment; the points add up to the score",
                    example = "24.444444444444446") double points,
            @Schema(description = "Ids of the exemptions that changed this KPI", example = "[4]") List<Long> exemptions) {

        static Kpi of(ScorecardLine line) {
            return new Kpi(line.kpi().metric(), line.kpi().channel(), line.kpi().group(), line.kpi().direction(),
                    line.kpi().target(), line.effectiveTarget(), line.actual(), line.volume(), line.weight(),
                    line.effectiveWeight(), line.attainment(), line.points(), ids(line.exemptions()));
        }
    }

    @Schema(name = "ScorecardLeftOut", description = "A KPI of the model that does not count in this score, and why",
            requiredProperties = {"kpi", "channel", "group", "direction", "status", "reason", "exemptions"},
            additionalProperties = Schema.False.class)
    public record LeftOut(
            @Schema(description = "The catalog metric", example = "qa_avg") String kpi,
            @Schema(nullable = true, description = "The KPI's channel; null: all channels", example = "chat") String channel,
            @Schema(nullable = true, description = "The model's label for grouping KPIs", example = "satisfaction_quality")
            String group,
            @Schema(enumeration = {"higher", "lower"}, description = "Which way is better", example = "higher")
            String direction,
            @Schema(enumeration = {"no_data", "exempted"}, description = "no_data: no contribution in the period; "
                    + "exempted: its only contributions fell in exemptions that leave it out", example = "no_data")
            String status,
            @Schema(description = "Why, in words", example = "no data in the period") String reason,
            @Schema(description = "Ids of the exemptions that left it out", example = "[]") List<Long> exemptions) {

        static LeftOut of(ScorecardLine line) {
            return new LeftOut(line.kpi().metric(), line.kpi().channel(), line.kpi().group(), line.kpi().direction(),
                    line.status(), line.reason(), ids(line.exemptions()));
        }
    }

    @Schema(name = "AppliedExemption", description = "An exemption that changed some KPI of the scorecard",
            requiredProperties = {"id", "teams", "from", "to", "reason", "relaxed_targets", "left_out"},
            additionalProperties = Schema.False.class)
    public record AppliedExemption(
            @Schema(description = "The exemption's id (scoring-service's settings API)", example = "4") long id,
            @Schema(nullable = true, description = "Its teams; null: every team", example = "[\"billing\"]")
            List<String> teams,
            @Schema(description = "Its first day, in the tenant's zone", example = "2026-11-03") LocalDate from,
            @Schema(description = "Its last day, inclusive", example = "2026-11-05") LocalDate to,
            @Schema(description = "Why it was granted", example = "Product recall R-12") String reason,
            @JsonProperty("relaxed_targets") @Schema(description = "Metric: the target its contributions are scored "
                    + "against", example = "{\"csat_avg\": 4.0}") Map<String, Double> relaxedTargets,
            @JsonProperty("left_out") @Schema(description = "Metrics whose contributions in it are left out",
                    example = "[\"fcr_rate\"]") List<String> leftOut) {

        static AppliedExemption of(Exemption e) {
            return new AppliedExemption(e.id(), e.teams(), e.from(), e.to(), e.reason(), new TreeMap<>(e.relaxedTargets()),
                    e.leftOut().stream().sorted().toList());
        }
    }

    @Schema(name = "ScorecardCsvRecord", description = "A record of the scorecards' CSV: one per member, period and KPI "
            + "of the model (used or left out), the member's score repeated on each; empty fields for null",
            requiredProperties = {"period", "id", "role", "model_version", "score", "kpi", "channel", "group", "direction",
                "status", "target", "effective_target", "actual", "volume", "weight", "effective_weight", "attainment",
                "points", "exemptions", "note"}, additionalProperties = Schema.False.class)
    public record CsvRecord(
            @Schema(description = "First day of the period", example = "2026-11-02") LocalDate period,
            @Schema(description = "The agent or team id", example = "a-17") String id,
            @Schema(description = "The role whose model scored it", example = "frontline_agent") String role,
            @JsonProperty("model_version") @Schema(description = "The scoring models version", example = "0")
            int modelVersion,
            @Schema(nullable = true, description = "The member's score (repeated on each of its records)",
                    example = "86.78852430869917") Double score,
            @Schema(description = "The catalog metric", example = "csat_avg") String kpi,
            @Schema(nullable = true, description = "The KPI's channel; empty: all", example = "chat") String channel,
            @Schema(nullable = true, description = "The model's group label", example = "satisfaction_quality") String group,
            @Schema(enumeration = {"higher", "lower"}, description = "Which way is better", example = "higher")
            String direction,
            @Schema(enumeration = {"used", "no_data", "exempted"}, description = "used: it counts; otherwise why not",
                    example = "used") String status,
            @Schema(description = "The model's target", example = "4.5") double target,
            @JsonProperty("effective_target") @Schema(description = "The target scored against (see ScorecardKpi)",
                    example = "4.5") double effectiveTarget,
            @Schema(nullable = true, description = "The KPI's value; empty when left out", example = "4.2") Double actual,
            @Schema(description = "The contributions the value rests on", example = "10") long volume,
            @Schema(description = "Per cent of the score when every KPI has data", example = "22.0") double weight,
            @JsonProperty("effective_weight") @Schema(nullable = true, description = "Per cent of the score after "
                    + "rescaling; empty when left out", example = "26.190476190476193") Double effectiveWeight,
            @Schema(nullable = true, description = "0 to 1; empty when left out", example = "0.9333333333333333")
            Double attainment,
            @Schema(nullable = true, description = "effective_weight x attainment; empty when left out",
                    example = "24.444444444444446") Double points,
            @Schema(description = "Ids of the exemptions that changed it, separated by ';'", example = "4") String exemptions,
            @Schema(nullable = true, description = "Why it was left out, or how exemptions changed it, in words",
                    example = "target relaxed by exemption 4 (Product recall R-12)") String note) {

        /** The flat records of one scorecard. */
        static List<CsvRecord> of(LocalDate period, String id, io.deskpulse.reporting.domain.scorecard.Scorecard card) {
            return card.lines().stream().map(line -> new CsvRecord(period, id, card.role(), card.modelVersion(),
                    card.score(), line.kpi().metric(), line.kpi().channel(), line.kpi().group(), line.kpi().direction(),
                    line.status(), line.kpi().target(), line.effectiveTarget(), line.actual(), line.volume(), line.weight(),
                    line.effectiveWeight(), line.attainment(), line.points(),
                    line.exemptions().stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(";")),
                    note(line))).toList();
        }

        /** Why a KPI was left out, or how exemptions changed it, in words; null for a KPI used as the model says. */
        private static String note(ScorecardLine line) {
            if (!line.used()) {
                return line.reason();
            }
            if (line.exemptions().isEmpty()) {
                return null;
            }
            return line.exemptions().stream().map(e -> (e.leftOut().contains(line.kpi().metric())
                            ? "contributions left out by exemption " : "target relaxed by exemption ") + e.id() + " ("
                            + e.reason() + ")")
                    .collect(Collectors.joining("; "));
        }
    }

    private static List<Long> ids(List<Exemption> exemptions) {
        return exemptions.stream().map(Exemption::id).toList();
    }
}
