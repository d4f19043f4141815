package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.AggregateComparison.Difference;
import io.deskpulse.scoring.domain.Reconciliation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reconciliation as the API shows it (docs/reconciliation.md). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Reconciliation", description = "A check of the tenant's stored aggregates against its timelines for a "
        + "range, and what it found")
public record ReconciliationJson(
        UUID id,
        @Schema(enumeration = {"running", "done", "failed"},
                description = "running: queued or being checked; done: every hour checked (and, with repair, repaired); "
                        + "failed: see error") String status,
        @Schema(description = "The range asked for, as sent") Instant from,
        Instant to,
        boolean repair,
        Instant requestedAt,
        @Schema(nullable = true, description = "When it ended (done or failed); null while running") Instant finishedAt,
        @Schema(description = "Timelines read: ticket timelines with an event in a slice, and agent days; a ticket "
                + "spanning slices is read in each") long timelinesChecked,
        @Schema(description = "Every difference found, whether listed or not") long differenceCount,
        @Schema(description = "The first 1,000 differences, in period order") List<DifferenceJson> differences,
        @Schema(description = "true once a repair has added every correction: the differences listed were fixed")
        boolean repaired,
        @Schema(nullable = true) String error,
        @Schema(description = "Who asked: X-DeskPulse-Actor, the API key's fingerprint, or 'schedule'") String requestedBy,
        @Schema(nullable = true, description = "Hours before this instant are checked; null before the first slice")
        Instant checkedUntil) {

    /** One stored value that is not what the timelines give. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "ReconciliationDifference")
    public record DifferenceJson(
            @Schema(description = "The stored measure: a column of docs/storage.md such as first_response_sum_ms "
                    + "(reported metrics are computed from these)", example = "tickets_created") String metric,
            @Schema(description = "The row's UTC hour; for kpi_daily, kpi_team_daily and kpi_agent_daily the first hour of "
                    + "its local day")
            Instant period,
            @Schema(description = "'' for no team") String teamId,
            @Schema(nullable = true, description = "'' for no agent; null in kpi_team_daily") String agentId,
            @Schema(nullable = true, description = "'' for unknown; null in kpi_team_daily and kpi_agent_daily") String channel,
            @Schema(nullable = true, description = "'' outside queues; null in kpi_team_daily and kpi_agent_daily") String queueId,
            @Schema(type = SchemaType.NUMBER) long stored,
            @Schema(type = SchemaType.NUMBER) long expected,
            @Schema(enumeration = {"kpi_hourly", "kpi_daily", "kpi_team_daily", "kpi_agent_daily"}) String table,
            @Schema(nullable = true, description = "For a histogram (metric *_hist): the bin whose count differs "
                    + "(docs/storage.md#histograms); null for other measures") Integer bin) {

        static DifferenceJson of(Difference d) {
            return new DifferenceJson(d.metric(), Instant.ofEpochMilli(d.periodMillis()), d.teamId(), d.agentId(),
                    d.channel(), d.queueId(), d.stored(), d.expected(), d.table().tableName(), d.bin());
        }
    }

    static ReconciliationJson of(Reconciliation r) {
        return new ReconciliationJson(r.id(), r.status(), r.from(), r.to(), r.repair(), r.requestedAt(), r.finishedAt(),
                r.timelinesChecked(), r.differenceCount(), r.differences().stream().map(DifferenceJson::of).toList(),
                r.repaired(), r.error(), r.requestedBy(), r.checkedUntil());
    }
}
