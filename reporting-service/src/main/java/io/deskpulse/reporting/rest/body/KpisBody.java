package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.KpiReport;
import io.deskpulse.reporting.domain.kpi.KpiRow;
import io.deskpulse.reporting.domain.kpi.Metric;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of {@code GET /v1/kpis}: the query echoed, then one row per period and member. A row's columns are the
 * metrics asked for, so its schema ({@code KpiRow}) is built from the catalog ({@code CatalogOpenApiFilter}).
 */
@Schema(name = "KpiPage")
public record KpisBody(
        @Schema(enumeration = {"tenant", "team", "agent", "queue"}) String dimension,
        @Schema(enumeration = {"day", "week", "month", "total"}) String granularity,
        @Schema(description = "The IANA zone the periods are in: tz if given, else the tenant's default "
                + "(its settings' time_zone, else UTC)", example = "UTC") String tz,
        @Schema(example = "2026-11-01") LocalDate from,
        @Schema(example = "2026-11-07") LocalDate to,
        @Schema(type = SchemaType.ARRAY, description = "period (first day of the period; for total, from), id (null: "
                + "credited to no team/agent/queue; the tenant id for dimension=tenant), then one column per metric asked for "
                + "(see KpiRow): counts are integers, durations seconds rounded to the millisecond, rates fractions; "
                + "averages, percentiles and rates are null when empty")
        List<Row> rows,
        @JsonProperty("next_cursor")
        @Schema(description = "Pass as cursor for the next page; null on the last page", nullable = true)
        String nextCursor,
        @JsonIgnore @Schema(hidden = true) List<String> metrics) implements ReportBody {

    private static final SerializedString PERIOD = new SerializedString("period");
    private static final SerializedString ID = new SerializedString("id");

    public static KpisBody of(KpiReport report) {
        KpiQuery query = report.query();
        SerializedString[] names = query.metrics().stream().map(Metric::name).map(SerializedString::new)
                .toArray(SerializedString[]::new);
        List<Row> rows = new ArrayList<>(report.rows().size());
        for (KpiRow row : report.rows()) {
            rows.add(new Row(row, names));
        }
        return new KpisBody(query.dimension().label(), query.granularity().label(), query.zone().getId(), query.from(),
                query.to(), rows, report.nextCursor(), query.metrics().stream().map(Metric::name).toList());
    }

    @Override
    public CsvRecords csv() {
        List<String> columns = new ArrayList<>(List.of(PERIOD.getValue(), ID.getValue()));
        columns.addAll(metrics);
        List<List<Object>> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Object> record = new ArrayList<>(columns.size());
            record.add(row.row.period().toString());
            record.add(row.row.id());
            record.addAll(row.row.values());
            records.add(record);
        }
        return new CsvRecords(columns, records);
    }

    /**
     * A row: period, id, then the metrics asked for, each name encoded once for the page. Its schema is the catalog's
     * ({@code CatalogOpenApiFilter} replaces this one).
     */
    @JsonSerialize(using = RowWriter.class)
    @Schema(name = "KpiRow")
    public record Row(@JsonIgnore KpiRow row, @JsonIgnore SerializedString[] names) {
    }

    static final class RowWriter extends StdSerializer<Row> {

        RowWriter() {
            super(Row.class);
        }

        @Override
        public void serialize(Row row, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeFieldName(PERIOD);
            json.writeString(row.row.period().toString());
            json.writeFieldName(ID);
            json.writeString(row.row.id());
            List<Object> values = row.row.values();
            for (int i = 0; i < row.names.length; i++) {
                json.writeFieldName(row.names[i]);
                BodyWriter.number(json, values.get(i));
            }
            json.writeEndObject();
        }
    }
}
