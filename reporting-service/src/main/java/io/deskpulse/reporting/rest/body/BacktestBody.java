package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.risk.AtRiskBacktest;
import io.deskpulse.reporting.domain.risk.BacktestQuery;
import io.deskpulse.reporting.service.ChurnService;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v1/customers/at-risk/backtest}: recall and precision of the at-risk score, per threshold. */
@Schema(name = "AtRiskBacktest", requiredProperties = {"from", "to", "tz", "horizon_days", "window_days",
    "list_from", "list_to", "rows", "next_cursor"}, additionalProperties = Schema.False.class)
public record BacktestBody(
        @Schema(description = "First day of the churns", example = "2026-11-01") LocalDate from,
        @Schema(description = "Last day of the churns", example = "2026-11-30") LocalDate to,
        @Schema(description = "The IANA zone of the days", example = "UTC") String tz,
        @JsonProperty("horizon_days") @Schema(description = "A churn is caught when the list flagged the customer on "
                + "one of this many days before it", example = "30") int horizonDays,
        @JsonProperty("window_days") @Schema(description = "The at-risk list's window", example = "30") int windowDays,
        @JsonProperty("list_from") @Schema(description = "The first day the list is replayed as of (from - horizon_days)",
                example = "2026-10-02") LocalDate listFrom,
        @JsonProperty("list_to") @Schema(description = "The last day the list is replayed as of (to - 1)",
                example = "2026-11-29") LocalDate listTo,
        List<Row> rows,
        @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page")
        String nextCursor)
        implements ReportBody {

    public static BacktestBody of(ChurnService.Backtest backtest) {
        BacktestQuery q = backtest.query();
        return new BacktestBody(q.from(), q.to(), q.zone().getId(), q.horizonDays(), q.windowDays(), q.firstListDay(),
                q.lastListDay(), backtest.results().stream().map(Row::of).toList(), backtest.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(Row.class, rows);
    }

    @Schema(name = "AtRiskBacktestRow", description = "One score threshold (docs/kpis.md, Back-test of the churn-risk "
            + "score)", requiredProperties = {"threshold", "churned_customers", "flagged_customers", "caught", "recall",
                "precision"}, additionalProperties = Schema.False.class)
    public record Row(
            @Schema(minimum = "1", maximum = "100", description = "Flagged: a score at or above this", example = "50")
            int threshold,
            @JsonProperty("churned_customers") @Schema(description = "Customers with a customer.churned from..to",
                    example = "8") long churnedCustomers,
            @JsonProperty("flagged_customers") @Schema(description = "Customers the replayed list flagged on at least "
                    + "one day list_from..list_to", example = "20") long flaggedCustomers,
            @Schema(description = "Churned customers flagged on one of the horizon_days days before they churned",
                    example = "6") long caught,
            @Schema(nullable = true, description = "caught / churned_customers", example = "0.75") Double recall,
            @Schema(nullable = true, description = "caught / flagged_customers", example = "0.3") Double precision) {

        static Row of(AtRiskBacktest.Result r) {
            return new Row(r.threshold(), r.churned(), r.flagged(), r.caught(), r.recall(), r.precision());
        }
    }
}
