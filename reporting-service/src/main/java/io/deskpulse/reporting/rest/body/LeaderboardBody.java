package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardPage;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardQuery;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardRow;
import io.deskpulse.reporting.domain.leaderboard.StreakBoardPage;
import io.deskpulse.reporting.domain.leaderboard.StreakBoardQuery;
import io.deskpulse.reporting.domain.report.PeriodReport;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of {@code GET /v1/leaderboards/{metric}}: the query echoed (with the metric's volume and direction), then the
 * members, ranked ones first. The rankable metrics are enumerated from the catalog ({@code CatalogOpenApiFilter}).
 */
@Schema(name = "LeaderboardPage", requiredProperties = {"metric", "direction", "volume_metric", "min_volume",
    "dimension", "tz", "from", "to", "rows", "next_cursor"}, additionalProperties = Schema.False.class)
public record LeaderboardBody(
        @Schema(description = "The metric ranked by", example = "csat_avg") String metric,
        @Schema(enumeration = {"lower_is_better", "higher_is_better"}, description = "Which values rank first",
                example = "higher_is_better") String direction,
        @JsonProperty("volume_metric") @Schema(description = "The metric whose value is the volume", example = "csat_count")
        String volumeMetric,
        @JsonProperty("min_volume") @Schema(description = "The volume a member needs to be ranked (min_volume, else the "
                + "metric's default)", example = "5") long minVolume,
        @Schema(enumeration = {"agent", "team"}, description = "agent or team", example = "agent") String dimension,
        @Schema(description = "The IANA zone of from and to", example = "UTC") String tz,
        @Schema(description = "First day", example = "2026-11-01") LocalDate from,
        @Schema(description = "Last day", example = "2026-11-07") LocalDate to,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, enumeration = {"day", "week", "month"}, description = "Only on the streak leaderboards "
                + "(streak_current, streak_best): the length of the kept report ranked; from and to are its period",
                example = "week") String granularity,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("report_id")
        @Schema(nullable = true, description = "Only on the streak leaderboards: the kept report ranked "
                + "(GET /v1/reports/{id})", example = "12") Long reportId,
        List<Row> rows,
        @JsonProperty("next_cursor")
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor)
        implements ReportBody {

    public static LeaderboardBody of(LeaderboardPage page) {
        LeaderboardQuery q = page.query();
        return new LeaderboardBody(q.ranked().metric().name(), q.ranked().direction(), q.ranked().volume().name(),
                q.minVolume(), q.dimension().label(), q.zone().getId(), q.from(), q.to(), null, null,
                page.rows().stream().map(Row::of).toList(), page.nextCursor());
    }

    /**
     * A streak leaderboard: the streak ranked, longest first; the volume is the member's score in the report, and every
     * member of the report is ranked (min_volume 0).
     */
    public static LeaderboardBody of(StreakBoardPage page) {
        StreakBoardQuery q = page.query();
        PeriodReport r = page.report();
        return new LeaderboardBody(q.metric(), "higher_is_better", "score", 0, q.dimension().label(), r.timeZone(),
                r.periodStart(), r.periodEnd(), r.granularity(), r.id(), page.rows().stream().map(Row::of).toList(),
                page.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(Row.class, rows);
    }

    @Schema(name = "LeaderboardRow", description = "A member: ranked ones first (best first, ties by id), then the ones "
            + "below min_volume or without a value (rank null, eligible false), by id",
            requiredProperties = {"rank", "id", "value", "volume", "eligible"}, additionalProperties = Schema.False.class)
    public record Row(
            @Schema(nullable = true, description = "1 for the best; equal values share a rank (1, 2, 2, 4); null when not "
                    + "ranked", example = "1") Integer rank,
            @Schema(description = "The agent or team id", example = "a-17") String id,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "The metric over the period, as /v1/kpis "
                    + "(granularity=total) gives it; on a streak leaderboard the member's streak at the report",
                    example = "4.75") Number value,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "The volume metric over the period (a "
                    + "count; online_s in seconds); on a streak leaderboard the member's score in the report (null "
                    + "when no KPI had data)", example = "12") Number volume,
            @Schema(description = "Whether the member is ranked (volume at least min_volume, and a value)",
                    example = "true") boolean eligible) {

        static Row of(LeaderboardRow row) {
            return new Row(row.rank(), row.id(), (Number) row.value(), (Number) row.volume(), row.eligible());
        }
    }
}
