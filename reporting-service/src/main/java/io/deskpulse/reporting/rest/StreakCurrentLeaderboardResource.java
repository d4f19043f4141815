package io.deskpulse.reporting.rest;

import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.rest.body.LeaderboardBody;
import io.deskpulse.reporting.rest.request.LeaderboardRequestParser;
import io.deskpulse.reporting.service.StreakLeaderboardService;
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
 * {@code GET /v1/leaderboards/streak_current}: the teams or agents of one kept period report ranked by their current streak
 * (docs/reporting-api.md#streak-leaderboards). A literal path, so that it is matched before
 * {@code /v1/leaderboards/{metric}}, whose parameters (days, channels of the live aggregates) it does not take.
 */
@Path("/v1/leaderboards/streak_current")
@Tag(name = "leaderboards")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class StreakCurrentLeaderboardResource {

    private final LeaderboardRequestParser parser;
    private final StreakLeaderboardService service;
    private final Caller caller;

    public StreakCurrentLeaderboardResource(LeaderboardRequestParser parser, StreakLeaderboardService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "getStreakCurrentLeaderboard", summary = "Agents or teams of a kept report ranked by current streak",
            description = "Each member's streak_current at the report: its consecutive kept periods of that length, ending with the report's, scored at or above the streak_min_score kept with each (docs/scorecards.md#streaks). " + StreakLeaderboards.DESCRIPTION)
    @Parameters({
        @Parameter(name = "dimension", in = ParameterIn.QUERY, description = "Rank agents or teams",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"agent", "team"}, defaultValue = "agent"),
                example = "agent"),
        @Parameter(name = "granularity", in = ParameterIn.QUERY, description = StreakLeaderboards.GRANULARITY,
                schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month"}, defaultValue = "week"),
                example = "week"),
        @Parameter(name = "period", in = ParameterIn.QUERY, description = StreakLeaderboards.PERIOD,
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-02")
        // limit, cursor, format and If-None-Match: StandardResponsesFilter, as for every report endpoint.
    })
    @APIResponse(responseCode = "200", description = "A page of the board, longest streak first.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = LeaderboardBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = StreakLeaderboards.NOT_FOUND)
    public Response leaderboard(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> LeaderboardBody.of(service.page(
                negotiation.query(parser.parseStreaks(tenant, "streak_current", uri.getQueryParameters())))));
    }
}
