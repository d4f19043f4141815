package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.PeriodReportDetail;
import io.deskpulse.reporting.domain.report.PeriodReportTeam;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One kept report ({@code GET /v1/reports/{id}}): its fields, then a page of its teams, each with every metric and its
 * scorecard. Its CSV is one flat record per team: the report's fields, the team, its scorecard's role, version and
 * score, then every metric (the {@code PeriodReportCsvRecord} and {@code PeriodReportKpis} schemas are built from the
 * catalog by {@code CatalogOpenApiFilter}).
 */
@Schema(name = "PeriodReport", description = "A kept report and a page of its teams",
        requiredProperties = {"id", "granularity", "period", "period_end", "tz", "generation", "model_version",
            "streak_min_score", "dimension", "created_at", "exemptions", "rows", "next_cursor"},
        additionalProperties = Schema.False.class)
public record PeriodReportBody(
        @Schema(description = "The report's id", example = "12") long id,
        @Schema(enumeration = {"day", "week", "month"}, description = "The period's length", example = "week")
        String granularity,
        @Schema(description = "First day of the period, in tz", example = "2026-11-02") LocalDate period,
        @JsonProperty("period_end") @Schema(description = "Last day, inclusive", example = "2026-11-08") LocalDate periodEnd,
        @Schema(description = "The tenant's time zone when the report was made", example = "UTC") String tz,
        @Schema(description = "The generation of the aggregates it was read from", example = "0") int generation,
        @JsonProperty("model_version") @Schema(description = "The scoring models version of its scorecards",
                example = "0") int modelVersion,
        @JsonProperty("streak_min_score") @Schema(description = "The streak threshold in force when the report was made: "
                + "a score at or above it counts toward a streak (docs/scorecards.md#streaks)", example = "80.0")
        double streakMinScore,
        @Schema(enumeration = {"team", "agent"}, description = "Whom the rows are about (the dimension parameter)",
                example = "team") String dimension,
        @JsonProperty("created_at") @Schema(description = "When it was made", example = "2026-11-09T00:30:04.118Z")
        Instant createdAt,
        @Schema(description = "The exemptions in force for the period when it was made")
        List<ScorecardsBody.AppliedExemption> exemptions,
        @Schema(description = "A page of its teams (or agents), in id order (the no-team row first)") List<Team> rows,
        @JsonProperty("next_cursor")
        @Schema(nullable = true, description = "Pass as cursor for the next teams; null on the last page") String nextCursor,
        @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore PeriodReportDetail detail)
        implements ReportBody {

    /**
     * The columns of the CSV before the metrics: the report's fields, the team (or agent), its scorecard's summary and
     * its streaks (added after score, so that the metrics, which the catalog appends to, stay last).
     */
    public static final List<String> CSV_PREFIX = List.of("report_id", "granularity", "period", "period_end", "tz", "id",
            "role", "model_version", "score", "streak_current", "streak_best");

    public static PeriodReportBody of(PeriodReportDetail detail) {
        PeriodReport r = detail.report();
        return new PeriodReportBody(r.id(), r.granularity(), r.periodStart(), r.periodEnd(), r.timeZone(), r.generation(),
                r.modelVersion(), r.streakMinScore(), detail.dimension().label(), r.createdAt(), r.exemptions().stream().map(ScorecardsBody.AppliedExemption::of).toList(),
                detail.teams().stream().map(Team::of).toList(), detail.nextCursor(), detail);
    }

    @Override
    public CsvRecords csv() {
        List<String> columns = new ArrayList<>(CSV_PREFIX);
        columns.addAll(MetricCatalog.names());
        List<List<Object>> records = new ArrayList<>(detail.teams().size());
        for (PeriodReportTeam team : detail.teams()) {
            Scorecard card = team.scorecard();
            List<Object> record = new ArrayList<>(Arrays.asList(id, granularity, period, periodEnd, tz, team.team(),
                    card == null ? null : card.role(), card == null ? null : card.modelVersion(),
                    card == null ? null : card.score(), team.streak() == null ? null : team.streak().current(),
                    team.streak() == null ? null : team.streak().best()));
            record.addAll(team.kpis());
            records.add(record);
        }
        return new CsvRecords(columns, records);
    }

    @Schema(name = "PeriodReportTeam", description = "A team (or agent) of the report: its KPIs, its scorecard and its "
            + "streaks", requiredProperties = {"id", "kpis", "scorecard", "streak_current", "streak_best"},
            additionalProperties = Schema.False.class)
    public record Team(
            @Schema(nullable = true, description = "The team (dimension=agent: the agent); null: credited to no team "
                    + "(KPIs, no scorecard, no streaks)", example = "billing") String id,
            @Schema(ref = "PeriodReportKpis", description = "Every metric of the KPI catalog over the period, as GET "
                    + "/v1/kpis computes it") Map<String, Object> kpis,
            @Schema(nullable = true, description = "The team's scorecard; null for the no-team row")
            ScorecardsBody.Scorecard scorecard,
            @JsonProperty("streak_current") @Schema(nullable = true, description = "Consecutive kept periods of this "
                    + "length, ending with this one, whose score was at or above their report's streak_min_score; 0 when "
                    + "this one's was not (or it has no score); null for the no-team row (docs/scorecards.md#streaks)",
                    example = "3") Integer streakCurrent,
            @JsonProperty("streak_best") @Schema(nullable = true, description = "The longest such run up to and "
                    + "including this period; null for the no-team row", example = "5") Integer streakBest) {

        static Team of(PeriodReportTeam team) {
            Map<String, Object> kpis = new LinkedHashMap<>();
            for (int i = 0; i < MetricCatalog.METRICS.size(); i++) {
                kpis.put(MetricCatalog.METRICS.get(i).name(), team.kpis().get(i));
            }
            return new Team(team.team(), kpis,
                    team.scorecard() == null ? null : ScorecardsBody.Scorecard.of(team.scorecard()),
                    team.streak() == null ? null : team.streak().current(),
                    team.streak() == null ? null : team.streak().best());
        }
    }
}
