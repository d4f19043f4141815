package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a JSON page, for the OpenAPI document only ({@link KpiTables} makes the real one). */
@Schema(name = "KpiPage")
record KpiPageDoc(
        @Schema(enumeration = {"tenant", "team", "agent"}) String dimension,
        @Schema(enumeration = {"day", "week", "month", "total"}) String granularity,
        @Schema(description = "The IANA zone the periods are in: tz if given, else the tenant's default "
                + "(its settings' time_zone, else UTC)", example = "UTC") String tz,
        @Schema(format = "date", example = "2026-11-01") String from,
        @Schema(format = "date", example = "2026-11-07") String to,
        // Items: the KpiRow schema, added from MetricCatalog by KpiOpenApiFilter.
        @Schema(description = "period (first day of the period; for total, from), id (null: credited to no "
                + "team/agent; the tenant id for dimension=tenant), then one column per metric asked for (see "
                + "KpiRow): counts are integers, durations seconds rounded to the millisecond, rates fractions; "
                + "averages, percentiles and rates are null when empty")
        List<Map<String, Object>> rows,
        @JsonProperty("next_cursor")
        @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true)
        String nextCursor) {
}
