package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.LeaderboardBody;
import io.deskpulse.reporting.rest.request.LeaderboardRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.LeaderboardService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * {@code GET /v1/leaderboards/{metric}}: agents or teams ranked by one metric over a period, with a
 * minimum-volume guard. The metric enumeration comes from {@link CatalogOpenApiFilter}; the common parameters
 * and errors from {@link StandardResponsesFilter}.
 */
@Path("/v1/leaderboards/{metric}")
@Tag(name = "leaderboards", description = "Agents or teams ranked by one metric")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class LeaderboardResource {

    private final LeaderboardRequestParser parser;
    private final LeaderboardService service;
    private final Caller caller;

    public LeaderboardResource(LeaderboardRequestParser parser, LeaderboardService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "getLeaderboard", summary = "Agents or teams ranked by one metric",
            description = "The metric over from..to (as /v1/kpis with granularity=total computes it), per member. "
                    + "Members whose volume (the metric's natural count, e.g. csat_count for csat_avg) is below "
                    + "min_volume, or who have no value, are not ranked: they follow the ranked ones with rank null "
                    + "and eligible false. Best first (lower is better for durations and the reopen rate); equal "
                    + "values share a rank (1, 2, 2, 4) and are listed by id. The streaks of the kept period reports are "
                    + "ranked at /v1/leaderboards/streak_current and /v1/leaderboards/streak_best. See "
                    + "docs/reporting-api.md.")
    @Parameters({
        // Schema (an enumeration of the rankable metrics) and description: CatalogOpenApiFilter.
        @Parameter(name = "metric", in = ParameterIn.PATH, required = true, description = "The metric to rank by",
                schema = @Schema(type = SchemaType.STRING), example = "csat_avg"),
        @Parameter(name = "dimension", in = ParameterIn.QUERY, description = "Rank agents or teams",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"agent", "team"}, defaultValue = "agent"),
                example = "agent"),
        @Parameter(name = "team", in = ParameterIn.QUERY,
                description = "Only with dimension=agent: only what agents did while credited to this team",
                schema = @Schema(type = SchemaType.STRING), example = "t-2"),
        @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only this channel",
                schema = @Schema(type = SchemaType.STRING,
                        enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"}), example = "chat"),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, inclusive, in tz. Default: to minus 6 days",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, inclusive, in tz. Default: today",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-07"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA zone of the days (whole-hour offsets, as "
                + "for /v1/kpis); default the tenant's", schema = @Schema(type = SchemaType.STRING), example = "UTC"),
        @Parameter(name = "min_volume", in = ParameterIn.QUERY, description = "The volume a member needs to be "
                + "ranked; default per metric (see the metric parameter)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1"), example = "5")
    })
    @APIResponse(responseCode = "200", description = "A page of the board: ranked members first, then the others.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = LeaderboardBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response leaderboard(@PathParam("metric") String metric, @Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> LeaderboardBody.of(service.page(tenant,
                state -> negotiation.query(parser.parse(tenant, state, metric, uri.getQueryParameters())))));
    }
}
