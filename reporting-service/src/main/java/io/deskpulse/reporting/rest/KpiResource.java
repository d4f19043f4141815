package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.KpisBody;
import io.deskpulse.reporting.rest.request.KpiRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.KpiService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/kpis}: KPI rows per period and member, as JSON or CSV, paged, with ETags. The query
 * parameters are read from the URI by {@link KpiRequestParser} (so that unknown and repeated ones
 * are caught); the {@code @Parameters} below document them for OpenAPI, and {@link StandardResponsesFilter} the
 * shared parameters, headers and errors.
 */
@Path("/v1/kpis")
@Tag(name = "kpis", description = "KPIs per period and tenant, team or agent")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class KpiResource {

    static final String SECURITY_SCHEME = "bearer";

    private final KpiRequestParser parser;
    private final KpiService service;
    private final Caller caller;

    public KpiResource(KpiRequestParser parser, KpiService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listKpis", summary = "KPIs per period and member",
            description = "One row per period and member of the dimension that has any data (any stored count or "
                    + "sum non-zero), ordered by period, then id (null first). Reads the tenant's active generation of "
                    + "the aggregates only: after a recomputation, reports switch to its numbers at once. Sums are added "
                    + "over the period's UTC hours, ratios computed last; empty averages, percentiles and rates are "
                    + "null. The columns are described in the KpiRow schema. See docs/reporting-api.md.")
    @Parameters({
        @Parameter(name = "dimension", in = ParameterIn.QUERY, description = "Whom a row is about; queue: the queue "
                + "interactions were offered to (the null id holds everything outside queues)",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"tenant", "team", "agent", "queue"},
                        defaultValue = "tenant"),
                example = "agent"),
        @Parameter(name = "id", in = ParameterIn.QUERY, explode = Explode.TRUE,
                description = "Repeatable: only these teams (dimension=team), agents (dimension=agent) or queues "
                        + "(dimension=queue). "
                        + "Not allowed with dimension=tenant.",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), example = "a-17"),
        @Parameter(name = "team", in = ParameterIn.QUERY,
                description = "Only with dimension=agent: only the contributions credited with this team",
                schema = @Schema(type = SchemaType.STRING), example = "t-2"),
        @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only this channel (case-insensitive)",
                schema = @Schema(type = SchemaType.STRING,
                        enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"}), example = "chat"),
        @Parameter(name = "from", in = ParameterIn.QUERY,
                description = "First day, inclusive, in tz. Default: to minus 6 days (the 7 days ending today)",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, inclusive, in tz. Default: today in tz. "
                + "At most 3660 days from from (configurable)",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-07"),
        @Parameter(name = "granularity", in = ParameterIn.QUERY,
                description = "Period length: day, ISO week (Monday), calendar month, or total (one period, labelled from)",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month", "total"}, defaultValue = "day"),
                example = "week"),
        @Parameter(name = "tz", in = ParameterIn.QUERY,
                description = "IANA time zone of from, to and the periods. Default: the tenant's (its settings' "
                        + "time_zone), else UTC; the response's tz says which was used. Its UTC offset must be a whole "
                        + "number of hours throughout the range (DST is fine; Asia/Kolkata is not)",
                schema = @Schema(type = SchemaType.STRING), example = "America/New_York"),
        // Schema (an enumeration of every metric) and full description: CatalogOpenApiFilter, from MetricCatalog.
        @Parameter(name = "metrics", in = ParameterIn.QUERY,
                description = "Comma list of metric columns, in the order wanted; default all",
                schema = @Schema(type = SchemaType.STRING), example = "tickets_resolved,fcr_rate,nps,occupancy")
        // limit, cursor, format and If-None-Match: StandardResponsesFilter, as for every report endpoint.
    })
    @APIResponse(responseCode = "200", description = "A page of rows. Follow next_cursor (or the Link header) for more.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = KpisBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response kpis(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        // The tenant's generation and default zone (needed to validate the dates) are read in the report's snapshot.
        return ReportResponses.serve(uri, headers, negotiation -> KpisBody.of(service.report(tenant,
                state -> negotiation.query(parser.parse(tenant, state, uri.getQueryParameters())))));
    }
}
