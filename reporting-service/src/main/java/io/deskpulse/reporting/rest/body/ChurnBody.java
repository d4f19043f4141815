package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.risk.ChurnPeriod;
import io.deskpulse.reporting.domain.risk.ChurnQuery;
import io.deskpulse.reporting.service.ChurnService;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v1/customers/churn}: the churn KPIs per period. */
@Schema(name = "ChurnReport", requiredProperties = {"from", "to", "tz", "granularity", "rows", "next_cursor"},
        additionalProperties = Schema.False.class)
public record ChurnBody(
        @Schema(example = "2026-09-01") LocalDate from,
        @Schema(example = "2026-11-30") LocalDate to,
        @Schema(description = "The IANA zone of the days", example = "UTC") String tz,
        @Schema(enumeration = {"day", "week", "month", "total"}, example = "month") String granularity,
        List<Row> rows,
        @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page")
        String nextCursor)
        implements ReportBody {

    public static ChurnBody of(ChurnService.Periods periods) {
        ChurnQuery q = periods.query();
        return new ChurnBody(q.from(), q.to(), q.zone().getId(), q.granularity().label(),
                periods.periods().stream().map(Row::of).toList(), periods.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(Row.class, rows);
    }

    @Schema(name = "ChurnRow", description = "One period with any customer activity (docs/kpis.md, Churn)",
            requiredProperties = {"period", "churned_customers", "renewed_customers", "active_customers", "churn_rate",
                "churned_revenue", "renewed_revenue", "revenue_currency"},
            additionalProperties = Schema.False.class)
    public record Row(
            @Schema(description = "The period's first day (for total, from)", example = "2026-11-01") LocalDate period,
            @JsonProperty("churned_customers") @Schema(description = "Distinct customers with a customer.churned in "
                    + "the period", example = "3") long churnedCustomers,
            @JsonProperty("renewed_customers") @Schema(description = "Distinct customers with a customer.renewed in "
                    + "the period", example = "12") long renewedCustomers,
            @JsonProperty("active_customers") @Schema(description = "Distinct customers active in the period: a ticket "
                    + "created, a renewal or a churn in it", example = "240") long activeCustomers,
            @JsonProperty("churn_rate") @Schema(nullable = true, description = "churned_customers / active_customers",
                    example = "0.0125") Double churnRate,
            @JsonProperty("churned_revenue") @Schema(nullable = true, description = "The revenue the churned customers "
                    + "named: per customer its latest customer.churned in the period that names a revenue, added up, in "
                    + "revenue_currency. Null when none names one, or when the period's revenues are in several "
                    + "currencies (revenue_currency 'mixed')", example = "14200.5") Double churnedRevenue,
            @JsonProperty("renewed_revenue") @Schema(nullable = true, description = "The same for the renewed "
                    + "customers and customer.renewed", example = "96000") Double renewedRevenue,
            @JsonProperty("revenue_currency") @Schema(nullable = true, description = "The ISO 4217 code (upper case) "
                    + "of both revenues; 'mixed' when the period's churn and renewal revenues name more than one "
                    + "currency (a revenue naming none counts as one), and then both revenues are null; null when there "
                    + "is no revenue or it names no currency", example = "EUR") String revenueCurrency) {

        static Row of(ChurnPeriod p) {
            return new Row(p.period(), p.churnedCustomers(), p.renewedCustomers(), p.activeCustomers(), p.churnRate(),
                    p.revenue().churned(), p.revenue().renewed(), p.revenue().currency());
        }
    }
}
