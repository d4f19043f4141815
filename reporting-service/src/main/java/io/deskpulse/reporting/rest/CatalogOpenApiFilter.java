package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.platform.rest.Problem;
import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.leaderboard.Leaderboards;
import io.deskpulse.reporting.domain.leaderboard.StreakBoardQuery;
import io.deskpulse.reporting.domain.leaderboard.RankedMetric;
import io.deskpulse.reporting.rest.body.PeriodReportBody;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The documentation of what depends on the metric catalogs, built from them, so that the OpenAPI document can never
 * list other metrics than the API serves: the {@code metrics} parameter of {@code /v1/kpis} (a comma list of an
 * enumeration of every metric), the {@code KpiRow} schema (every column with its type and formula; a row holds the
 * metrics asked for), with the KPI examples; a period report team's metrics ({@code PeriodReportKpis}) and the
 * report's CSV record ({@code PeriodReportCsvRecord}); the rankable metrics of the leaderboards. Applied once, when
 * the document is built, before {@link StandardResponsesFilter}.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 2)
public class CatalogOpenApiFilter implements OASFilter {

    static final String ROW_SCHEMA = "KpiRow";
    private static final String REPORT_KPIS_SCHEMA = "PeriodReportKpis";
    private static final String REPORT_CSV_RECORD_SCHEMA = "PeriodReportCsvRecord";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page of /v1/kpis: a JSON body and its CSV, one row credited to no agent. */
    private static final String KPIS_JSON = """
            {"dimension": "team", "granularity": "week", "tz": "Europe/Berlin", "from": "2026-11-02", "to": "2026-11-08",
             "rows": [
               {"period": "2026-11-02", "id": null, "tickets_resolved": 0, "fcr_rate": null, "nps": -100.0, "occupancy": null},
               {"period": "2026-11-02", "id": "t-1", "tickets_resolved": 41, "fcr_rate": 0.7352941176470589, "nps": 31.25,
                "occupancy": 0.6128}],
             "next_cursor": "MQplMjg3OGMyMzMzMTU2Mzg0CjIwMjYtMTEtMDIKdC0x"}""";
    private static final String KPIS_CSV = "period,id,tickets_resolved,fcr_rate,nps,occupancy\r\n"
            + "2026-11-02,,0,,-100.0,\r\n"
            + "2026-11-02,t-1,41,0.7352941176470589,31.25,0.6128\r\n";
    /** The errors of /v1/kpis's own rules: the whole-hours zone rule above all. */
    private static final String KPIS_INVALID = """
            {"type": "https://deskpulse.io/problems/invalid-parameters", "title": "Invalid parameters", "status": 400,
             "detail": "3 parameters are invalid",
             "errors": [
               {"field": "dimension", "reason": "must be one of: tenant, team, agent, queue; got 'teams'"},
               {"field": "from", "reason": "must be a date YYYY-MM-DD, got '2026-13-01'"},
               {"field": "tz", "reason": "Asia/Kolkata has the UTC offset +05:30 between 2026-11-01 and 2026-11-07; \
            the aggregates are per UTC hour, so only zones whose offset is a whole number of hours can be reported exactly"}]}""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Replaces the placeholder of KpisBody.Row, which the rows of KpiPage refer to.
        openAPI.getComponents().addSchema(ROW_SCHEMA, kpiRow())
                .addSchema(REPORT_KPIS_SCHEMA, metrics(OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .description("Every metric of the catalog, as in the KpiRow schema"))
                        .required(new ArrayList<>(MetricCatalog.names())))
                .addSchema(REPORT_CSV_RECORD_SCHEMA, periodReportRecord());
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.get("LeaderboardPage").getProperties().get("metric").enumeration(rankable());

        Operation kpis = openAPI.getPaths().getPathItem("/v1/kpis").getGET();
        kpis.getParameters().stream().filter(p -> "metrics".equals(p.getName())).forEach(CatalogOpenApiFilter::metrics);
        Content ok = kpis.getResponses().getAPIResponse("200").getContent();
        example(ok.getMediaType("application/json"), "metrics=tickets_resolved,fcr_rate,nps,occupancy", parse(KPIS_JSON));
        example(ok.getMediaType("text/csv"), "metrics=tickets_resolved,fcr_rate,nps,occupancy", KPIS_CSV);
        kpis.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                .description("Invalid parameters, every one listed")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, example(OASFactory.createMediaType()
                        .schema(ref("Problem")), "three bad parameters", parse(KPIS_INVALID)))));

        openAPI.getPaths().getPathItem("/v1/kpis/contributions").getGET().getParameters().stream()
                .filter(p -> "metric".equals(p.getName())).forEach(p -> p.schema(OASFactory.createSchema()
                        .addType(SchemaType.STRING).enumeration(new ArrayList<>(MetricCatalog.names()))));
        schemas.get("ContributionPage").getProperties().get("metric").enumeration(new ArrayList<>(MetricCatalog.names()));

        openAPI.getPaths().getPathItem("/v1/reports/{id}").getGET().getResponses().getAPIResponse("200").getContent()
                .getMediaType("text/csv").getSchema().contentMediaType("text/csv").contentSchema(ref(REPORT_CSV_RECORD_SCHEMA));

        openAPI.getPaths().getPathItem("/v1/leaderboards/{metric}").getGET().getParameters().stream()
                .filter(p -> "metric".equals(p.getName())).forEach(p -> p
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)
                                .enumeration(new ArrayList<>(Leaderboards.names())))
                        .description("The metric to rank by, with its volume, direction and default min_volume: "
                                + Leaderboards.METRICS.stream().map(CatalogOpenApiFilter::describe)
                                        .collect(Collectors.joining("; "))
                                + ". The streaks of the kept period reports have boards of their own: "
                                + "/v1/leaderboards/streak_current and /v1/leaderboards/streak_best"));
    }

    /** What a leaderboard page ranks by: the metrics of the catalog, then the streaks of the kept reports. */
    private static List<Object> rankable() {
        List<Object> names = new ArrayList<>(Leaderboards.names());
        names.addAll(StreakBoardQuery.METRICS);
        return names;
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

    private static Schema kpiRow() {
        Schema row = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One report row: period, id, then the metrics asked for (all by default), in that order. "
                        + "Sums over the group's hourly rows first, division last. Counts are integers; durations "
                        + "(_s) seconds rounded to the millisecond; rates (_rate, occupancy) unrounded fractions; "
                        + "averages of scores and nps unrounded. An empty group gives 0 for counts and totals, "
                        + "null for averages, percentiles and rates.")
                .addProperty("period", OASFactory.createSchema().addType(SchemaType.STRING).format("date")
                        .description("First day of the period (day, ISO week's Monday, month's first; for total, from)")
                        .examples(List.of("2026-11-02")))
                .addProperty("id", OASFactory.createSchema().addType(SchemaType.STRING).addType(SchemaType.NULL)
                        .description("The tenant id (dimension=tenant), team, agent or queue id; null: credited to no team/agent/queue")
                        .examples(List.of("a-17")))
                .required(List.of("period", "id"));
        return metrics(row);
    }

    /** A period report's CSV record: the report, the team and its scorecard's summary, then every metric. */
    private static Schema periodReportRecord() {
        Schema record = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("A record of a period report's CSV: one per team (the no-team row first), or per agent "
                        + "with dimension=agent, the report's fields repeated on each; empty fields for null")
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
                        + "or without data", 100.0).addType(SchemaType.NULL))
                .addProperty("streak_current", column(SchemaType.INTEGER, "Consecutive kept periods of this length, "
                        + "ending with this one, scored at or above their report's streak_min_score "
                        + "(docs/scorecards.md#streaks); empty for the no-team row", 3).addType(SchemaType.NULL))
                .addProperty("streak_best", column(SchemaType.INTEGER, "The longest such run up to and including this "
                        + "period; empty for the no-team row", 5).addType(SchemaType.NULL));
        if (!new ArrayList<>(record.getProperties().keySet()).equals(PeriodReportBody.CSV_PREFIX)) {
            throw new IllegalStateException(REPORT_CSV_RECORD_SCHEMA + " must document " + PeriodReportBody.CSV_PREFIX);
        }
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
                    .format(metric.integer() ? "int64" : "double")
                    .description(metric.formula() + (metric.nullWhenEmpty() ? "; null when empty" : ""));
            if (metric.nullWhenEmpty()) {
                column.addType(SchemaType.NULL);
            }
            row.addProperty(metric.name(), column.examples(List.of(example(metric))));
        }
        return row;
    }

    /** A value such a metric may have, for the examples. */
    private static Object example(Metric metric) {
        if (metric instanceof Metric.Count) {
            return 4;
        }
        if (metric instanceof Metric.PercentileSeconds) {
            return 90.249;
        }
        if (metric instanceof Metric.Ratio || metric instanceof Metric.Rate || metric instanceof Metric.NetScore) {
            return 0.25;
        }
        if (metric instanceof Metric.CostPer) {
            return 2.75;
        }
        return metric instanceof Metric.AverageOfThousandths ? 86.5 : 95.0;
    }

    private static String describe(RankedMetric m) {
        return m.metric().name() + " (" + m.volume().name() + ", " + m.direction().replace('_', ' ') + ", "
                + m.defaultMinVolume() + ")";
    }

    private static Schema ref(String schema) {
        return OASFactory.createSchema().ref(schema);
    }

    private static MediaType example(MediaType media, String name, Object value) {
        return media.addExample(name, OASFactory.createExample().value(value));
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example of the KPI documentation is not JSON", e);
        }
    }
}
