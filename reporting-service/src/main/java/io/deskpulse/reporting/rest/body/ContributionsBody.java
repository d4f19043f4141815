package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.contribution.ContributionPage;
import io.deskpulse.reporting.domain.contribution.ContributionQuery;
import io.deskpulse.reporting.domain.contribution.ContributionRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of {@code GET /v1/kpis/contributions}: the cell echoed, the metric's formula, the items behind it. */
@Schema(name = "ContributionPage", requiredProperties = {"metric", "formula", "dimension", "id", "team", "channel",
    "granularity", "period", "from", "to", "tz", "rows", "next_cursor"}, additionalProperties = Schema.False.class)
public record ContributionsBody(
        @Schema(description = "The metric whose cell this is", example = "first_response_avg_s") String metric,
        @Schema(description = "How the cell is computed from the stored sums (its rows' value and denominator add up "
                + "to them)", example = "Σ first_response_sum_ms / Σ first_response_count / 1000, seconds rounded to "
                + "the millisecond") String formula,
        @Schema(enumeration = {"tenant", "team", "agent"}, example = "agent") String dimension,
        @Schema(nullable = true, description = "The team or agent of the cell; null for the tenant", example = "a-17")
        String id,
        @Schema(nullable = true, description = "dimension=agent: only what was credited with this team", example = "t-2")
        String team,
        @Schema(nullable = true, description = "Only this channel; null: all", example = "email") String channel,
        @Schema(enumeration = {"day", "week", "month", "total"}, example = "day") String granularity,
        @Schema(description = "The cell's period, as /v1/kpis labels it (its first day)", example = "2026-11-02")
        LocalDate period,
        @Schema(description = "The cell's first local day (the period cut by from)", example = "2026-11-02")
        LocalDate from,
        @Schema(description = "The cell's last local day (the period cut by to)", example = "2026-11-02") LocalDate to,
        @Schema(description = "The IANA zone of the days", example = "UTC") String tz,
        List<Row> rows,
        @JsonProperty("next_cursor")
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor)
        implements ReportBody {

    public static ContributionsBody of(ContributionPage page) {
        ContributionQuery q = page.query();
        return new ContributionsBody(q.metric().name(), q.metric().formula(), q.dimension().label(), q.id(), q.team(),
                q.channel(), q.granularity().label(), q.period(), q.first(), q.last(), q.zone().getId(),
                page.rows().stream().map(Row::of).toList(), page.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(Row.class, rows);
    }

    @Schema(name = "ContributionRow", description = "One item's contribution to the cell, credited as at the event "
            + "(frozen attribution). Over all pages, the values (and denominators) give the cell: counts and totals are "
            + "Σ value; averages and rates Σ value / Σ denominator (net scores × 100); percentiles the nearest-rank "
            + "value among the rows' values. See docs/reporting-api.md.",
            requiredProperties = {"item_type", "item_id", "kind", "at", "team_id", "agent_id", "channel", "value",
                "denominator"}, additionalProperties = Schema.False.class)
    public record Row(
            @JsonProperty("item_type") @Schema(description = "What the item is: ticket; interaction, qa_review, sale, "
                    + "peer_review, nps_response (an agent's event naming no ticket); online_time (an agent's online "
                    + "time in one hour)", example = "ticket") String itemType,
            @JsonProperty("item_id") @Schema(description = "The ticket id; for an agent's event its identity (16 hex "
                    + "digits of the hash of tenant, source and event id); for online_time the agent", example = "T-1001")
            String itemId,
            @Schema(description = "What the item did: ticket_created, first_response, solve, first_resolution, "
                    + "reopened_solve, transfer, agent_reply, customer_message, csat_score, nps_score, complaint, handle, "
                    + "online_time, qa_score, conversion, peer_score", example = "first_response") String kind,
            @Schema(description = "When (UTC): the event that completed the contribution; for online time the start of "
                    + "the piece within its hour", example = "2026-11-02T09:01:35Z") Instant at,
            @JsonProperty("team_id") @Schema(nullable = true, description = "The team credited; null: none", example = "t-2")
            String teamId,
            @JsonProperty("agent_id") @Schema(nullable = true, description = "The agent credited; null: none",
                    example = "a-17") String agentId,
            @Schema(nullable = true, description = "The channel; null: unknown", example = "email") String channel,
            @Schema(description = "What the item adds to the metric, in its unit: seconds for durations, the score, "
                    + "the count, the amount; for rates the numerator's amount as stored (ms for occupancy)",
                    example = "95.000") BigDecimal value,
            @Schema(nullable = true, description = "What it adds to the denominator of an average or rate (0: only to "
                    + "the numerator); null for counts, totals and percentiles", example = "1") Long denominator) {

        static Row of(ContributionRow r) {
            return new Row(r.itemType(), r.itemId(), r.kind(), r.at(), r.teamId(), r.agentId(), r.channel(),
                    r.share().value(), r.share().denominator());
        }
    }
}
