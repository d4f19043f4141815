package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the metric columns from {@link MetricCatalog} itself, so that the OpenAPI document can
 * never list other metrics than the API serves: the {@code metrics} parameter becomes a comma list
 * ({@code style: form, explode: false}) of an enumeration of every metric, and a {@code KpiRow}
 * schema holds every column with its type and formula; so do a period report team's metrics and the
 * report's CSV record. Applied once, when the document is built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class KpiOpenApiFilter implements OASFilter {

    static final String ROW_SCHEMA = "KpiRow";
    private static final String PAGE_SCHEMA = "KpiPage";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(ROW_SCHEMA, rowSchema())
                .addSchema(PeriodReportDocs.KPIS_SCHEMA, metrics(OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .description("Every metric of the catalog, as in the KpiRow schema"))
                        .required(new ArrayList<>(MetricCatalog.names())))
                .addSchema(PeriodReportDocs.CSV_RECORD_SCHEMA, periodReportRecord());
        Schema page = openAPI.getComponents().getSchemas().get(PAGE_SCHEMA);
        if (page != null && page.getProperties() != null && page.getProperties().containsKey("rows")) {
            Schema rows = page.getProperties().get("rows");
            rows.setItems(OASFactory.createSchema().ref(ROW_SCHEMA));
        }
        PathItem kpis = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/kpis");
        Operation get = kpis == null ? null : kpis.getGET();
        if (get != null && get.getParameters() != null) {
            get.getParameters().stream().filter(p -> "metrics".equals(p.getName())).forEach(KpiOpenApiFilter::metrics);
        }
    }

    private static void metrics(Parameter parameter) {
        List<Object> names = new ArrayList<>(MetricCatalog.names());
        parameter.style(Parameter.Style.FORM).explode(false)
                .schema(OASFactory.createSchema().addType(SchemaType.ARRAY).minItems(1)
                        .items(OASFactory.createSchema().addType(SchemaType.STRING).enumeration(names)))
                .example(List.of("tickets_resolved", "fcr_rate", "nps", "occupancy"))
                .description("Comma list of metric columns (metrics=a,b,c), in the order wanted, repeats dropped; "
                        + "default: all, in this order: " + String.join(", ", MetricCatalog.names())
                        + ". How each is computed: the " + ROW_SCHEMA + " schema.");
    }

    private static Schema rowSchema() {
        Schema row = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One report row: period, id, then the metrics asked for (all by default), in that order. "
                        + "Sums over the group's hourly rows first, division last. Counts are integers; durations "
                        + "(_s) seconds rounded to the millisecond; rates (_rate, occupancy) unrounded fractions; "
                        + "averages of scores and nps unrounded. An empty group gives 0 for counts and totals, "
                        + "null for averages, percentiles and rates.")
                .addProperty("period", OASFactory.createSchema().addType(SchemaType.STRING).format("date")
                        .description("First day of the period (day, ISO week's Monday, month's first; for total, from)")
                        .example("2026-11-02"))
                .addProperty("id", OASFactory.createSchema().addType(SchemaType.STRING).addType(SchemaType.NULL)
                        .description("The tenant id (dimension=tenant), team or agent id; null: credited to no team/agent")
                        .example("a-17"))
                .required(List.of("period", "id"));
        return metrics(row);
    }

    /** A period report's CSV record: the report, the team and its scorecard's summary, then every metric. */
    private static Schema periodReportRecord() {
        Schema record = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("A record of a period report's CSV: one per team (the no-team row first), the report's "
                        + "fields repeated on each; empty fields for null")
                .addProperty("report_id", column(SchemaType.INTEGER, "The report's id", 12))
                .addProperty("granularity", column(SchemaType.STRING, "day, week or month", "week"))
                .addProperty("period", column(SchemaType.STRING, "First day of the period", "2026-11-02").format("date"))
                .addProperty("period_end", column(SchemaType.STRING, "Last day, inclusive", "2026-11-08").format("date"))
                .addProperty("tz", column(SchemaType.STRING, "The report's time zone", "UTC"))
                .addProperty("id", column(SchemaType.STRING, "The team; empty: credited to no team", "billing")
                        .addType(SchemaType.NULL))
                .addProperty("role", column(SchemaType.STRING, "The role whose model scored the team; empty for the "
                        + "no-team row", "team_lead").addType(SchemaType.NULL))
                .addProperty("model_version", column(SchemaType.INTEGER, "The scoring models version; empty for the "
                        + "no-team row", 0).addType(SchemaType.NULL))
                .addProperty("score", column(SchemaType.NUMBER, "The team's score, 0 to 100; empty for the no-team row "
                        + "or without data", 100.0).addType(SchemaType.NULL));
        List<String> required = new ArrayList<>(record.getProperties().keySet());
        required.addAll(MetricCatalog.names());
        return metrics(record).required(required);
    }

    private static Schema column(SchemaType type, String description, Object example) {
        return OASFactory.createSchema().addType(type).description(description).examples(List.of(example));
    }

    /** Adds every metric of the catalog to {@code schema} as a property, with its type and formula. */
    private static Schema metrics(Schema row) {
        for (Metric metric : MetricCatalog.METRICS) {
            Schema column = OASFactory.createSchema()
                    .addType(metric.integer() ? SchemaType.INTEGER : SchemaType.NUMBER)
                    .description(metric.formula() + (metric.nullWhenEmpty() ? "; null when empty" : ""));
            if (metric.integer()) {
                column.format("int64");
            } else {
                column.format("double");
            }
            if (metric.nullWhenEmpty()) {
                column.addType(SchemaType.NULL);
            }
            row.addProperty(metric.name(), column);
        }
        return row;
    }
}
