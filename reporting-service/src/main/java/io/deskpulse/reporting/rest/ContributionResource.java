package io.deskpulse.reporting.rest;

import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.rest.body.ContributionsBody;
import io.deskpulse.reporting.rest.request.ContributionRequestParser;
import io.deskpulse.reporting.service.ContributionService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
 * {@code GET /v1/kpis/contributions}: the items behind one cell of {@code /v1/kpis}, read from the rows scoring keeps
 * with the aggregates ({@code kpi_contributions}). Parameters are read by {@link ContributionRequestParser}; the
 * shared ones (limit, cursor, format) and errors come from {@link StandardResponsesFilter}.
 */
@Path("/v1/kpis/contributions")
@Tag(name = "kpis", description = "KPIs per period and tenant, team or agent")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class ContributionResource {

    private final ContributionRequestParser parser;
    private final ContributionService service;
    private final Caller caller;

    public ContributionResource(ContributionRequestParser parser, ContributionService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listKpiContributions", summary = "The items behind one KPI cell",
            description = "What makes up one cell of /v1/kpis (the same dimension, id, team, channel, granularity, "
                    + "period, from/to and tz) for one metric: one row per contribution (a ticket's first response, "
                    + "solve, rating...; an interaction, review or sale; an agent's online time in an hour), with the "
                    + "value it added, its time and who was credited then. Over all pages the rows give the cell "
                    + "exactly: counts and totals are Σ value, averages and rates Σ value / Σ denominator, percentiles "
                    + "the nearest-rank value of the listed values. Ordered by time. See docs/reporting-api.md.")
    @Parameters({
        // Schema (an enumeration of every metric): CatalogOpenApiFilter, from MetricCatalog.
        @Parameter(name = "metric", in = ParameterIn.QUERY, required = true, description = "One metric of the catalog",
                schema = @Schema(type = SchemaType.STRING), example = "first_response_avg_s"),
        @Parameter(name = "dimension", in = ParameterIn.QUERY, description = "Whom the cell is about",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"tenant", "team", "agent"}, defaultValue = "tenant"),
                example = "agent"),
        @Parameter(name = "id", in = ParameterIn.QUERY, description = "The team (dimension=team) or agent "
                + "(dimension=agent) of the cell; required with them, not allowed with dimension=tenant",
                schema = @Schema(type = SchemaType.STRING), example = "a-17"),
        @Parameter(name = "team", in = ParameterIn.QUERY,
                description = "Only with dimension=agent: only the contributions credited with this team",
                schema = @Schema(type = SchemaType.STRING), example = "t-2"),
        @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only this channel (case-insensitive)",
                schema = @Schema(type = SchemaType.STRING,
                        enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"}), example = "email"),
        @Parameter(name = "granularity", in = ParameterIn.QUERY, description = "The period length of the cell",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month", "total"}, defaultValue = "day"),
                example = "day"),
        @Parameter(name = "period", in = ParameterIn.QUERY, required = true, description = "The cell's period as "
                + "/v1/kpis labels it: the day, the ISO week's Monday, the month's first, or (total) the report's from",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-02"),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "The /v1/kpis report's from, when it cuts the "
                + "period (an edge week or month); default: the period's first day",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "The /v1/kpis report's to, when it cuts the period; "
                + "required with granularity=total; default: the period's last day",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-07"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA zone of the days, as for /v1/kpis (whole-hour "
                + "offsets); default: the tenant's, else UTC", schema = @Schema(type = SchemaType.STRING), example = "UTC")
    })
    @APIResponse(responseCode = "409", description = "The tenant's settings keep no contribution rows "
            + "(keep_contributions: false, docs/settings.md): there are no items to list")
    @APIResponse(responseCode = "200", description = "A page of contributions. Follow next_cursor (or the Link header).",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ContributionsBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response contributions(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> ContributionsBody.of(service.page(tenant,
                state -> negotiation.query(parser.parse(tenant, state, uri.getQueryParameters())))));
    }
}
