package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.leaderboard.Leaderboards;
import io.deskpulse.reporting.domain.leaderboard.RankedMetric;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the leaderboards from {@link Leaderboards} itself: the {@code metric} path parameter as an
 * enumeration of the rankable metrics, each with its volume, direction and default minimum volume, and the
 * page and row schemas. Applied once, when the document is built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class LeaderboardOpenApiFilter implements OASFilter {

    static final String PAGE_SCHEMA = "LeaderboardPage";
    private static final String ROW_SCHEMA = "LeaderboardRow";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(PAGE_SCHEMA, page()).addSchema(ROW_SCHEMA, row());
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/leaderboards/{metric}");
        Operation get = item == null ? null : item.getGET();
        if (get != null && get.getParameters() != null) {
            get.getParameters().stream().filter(p -> "metric".equals(p.getName())).forEach(p -> p
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING)
                            .enumeration(new ArrayList<>(Leaderboards.names())))
                    .description("The metric to rank by, with its volume, direction and default min_volume: "
                            + Leaderboards.METRICS.stream().map(LeaderboardOpenApiFilter::describe)
                                    .collect(Collectors.joining("; "))));
        }
    }

    private static String describe(RankedMetric m) {
        return m.metric().name() + " (" + m.volume().name() + ", " + m.direction().replace('_', ' ') + ", "
                + m.defaultMinVolume() + ")";
    }

    private static Schema page() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("metric", string("The metric ranked by", "csat_avg").enumeration(new ArrayList<>(Leaderboards.names())))
                .addProperty("direction", string("Which values rank first", "higher_is_better")
                        .enumeration(List.of("lower_is_better", "higher_is_better")))
                .addProperty("volume_metric", string("The metric whose value is the volume", "csat_count"))
                .addProperty("min_volume", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                        .description("The volume a member needs to be ranked (min_volume, else the metric's default)")
                        .examples(List.of(5)))
                .addProperty("dimension", string("agent or team", "agent").enumeration(List.of("agent", "team")))
                .addProperty("tz", string("The IANA zone of from and to", "UTC"))
                .addProperty("from", string("First day", "2026-11-01").format("date"))
                .addProperty("to", string("Last day", "2026-11-07").format("date"))
                .addProperty("rows", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(ROW_SCHEMA)))
                .addProperty("next_cursor", OASFactory.createSchema().addType(SchemaType.STRING).addType(SchemaType.NULL)
                        .description("Pass as cursor for the next page; null on the last page"))
                .required(List.of("metric", "direction", "volume_metric", "min_volume", "dimension", "tz", "from", "to",
                        "rows", "next_cursor"))
                .additionalPropertiesBoolean(false);
    }

    private static Schema row() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("A member: ranked ones first (best first, ties by id), then the ones below min_volume or "
                        + "without a value (rank null, eligible false), by id")
                .addProperty("rank", OASFactory.createSchema().addType(SchemaType.INTEGER).addType(SchemaType.NULL)
                        .description("1 for the best; equal values share a rank (1, 2, 2, 4); null when not ranked")
                        .examples(List.of(1)))
                .addProperty("id", string("The agent or team id", "a-17"))
                .addProperty("value", OASFactory.createSchema().addType(SchemaType.NUMBER).addType(SchemaType.NULL)
                        .description("The metric over the period, as /v1/kpis (granularity=total) gives it")
                        .examples(List.of(4.75)))
                .addProperty("volume", OASFactory.createSchema().addType(SchemaType.NUMBER)
                        .description("The volume metric over the period (a count; online_s in seconds)")
                        .examples(List.of(12)))
                .addProperty("eligible", OASFactory.createSchema().addType(SchemaType.BOOLEAN)
                        .description("Whether the member is ranked (volume at least min_volume, and a value)")
                        .examples(List.of(true)))
                .required(List.of("rank", "id", "value", "volume", "eligible"))
                .additionalPropertiesBoolean(false);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description).examples(List.of(example));
    }
}
