package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.ScorecardsBody;
import io.deskpulse.reporting.rest.request.ScorecardRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.ScorecardService;
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
 * {@code GET /v1/scorecards}: role scorecards per agent or team and period (docs/scorecards.md), computed when
 * read from the aggregates, the tenant's scoring models and its exemptions; JSON or a flat CSV, paged, with ETags.
 * The common parameters and errors come from {@link StandardResponsesFilter}.
 */
@Path("/v1/scorecards")
@Tag(name = "scorecards", description = "Role scorecards per agent or team and period")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class ScorecardResource {

    private final ScorecardRequestParser parser;
    private final ScorecardService service;
    private final Caller caller;

    public ScorecardResource(ScorecardRequestParser parser, ScorecardService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listScorecards", summary = "Scorecards per agent or team and period",
            description = "One scorecard per period and member (agent or team) that has any data, ordered by period, "
                    + "then id. Each KPI of the member's role's model scores min(1, actual/target) (higher is better) or "
                    + "min(1, target/actual) (lower is better) times its weight; a KPI without data is left out and the "
                    + "other weights rescaled; the score (0 to 100) is the sum of the points. Exemptions relax targets or "
                    + "leave KPIs out for the contributions of their days and teams. Computed when read: a change of "
                    + "model or exemption shows at once, without any recomputation. CSV: one flat record per member, "
                    + "period and KPI (the ScorecardCsvRecord schema). See docs/scorecards.md.")
    @Parameters({
        @Parameter(name = "dimension", in = ParameterIn.QUERY, description = "Whose scorecards",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"agent", "team"}, defaultValue = "agent"),
                example = "agent"),
        @Parameter(name = "id", in = ParameterIn.QUERY, explode = Explode.TRUE,
                description = "Repeatable: only these agents (dimension=agent) or teams (dimension=team)",
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), example = "a-17"),
        @Parameter(name = "team", in = ParameterIn.QUERY,
                description = "Only with dimension=agent: only the contributions credited with this team",
                schema = @Schema(type = SchemaType.STRING), example = "t-2"),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, inclusive, in tz. Default: to minus 6 days",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-02"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, inclusive, in tz. Default: today in tz",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-08"),
        @Parameter(name = "granularity", in = ParameterIn.QUERY, description = "Period length, as for /v1/kpis",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month", "total"}, defaultValue = "day"),
                example = "week"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA time zone of the dates, the periods and the "
                + "exemptions' days. Default: the tenant's; whole-hour offsets only, as for /v1/kpis",
                schema = @Schema(type = SchemaType.STRING), example = "Europe/Berlin"),
        @Parameter(name = "model_version", in = ParameterIn.QUERY, description = "Score with this version of the tenant's "
                + "scoring models (0: the catalog's); default: the latest",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "0"), example = "0")
        // limit, cursor, format and If-None-Match: StandardResponsesFilter, as for every report endpoint.
    })
    @APIResponse(responseCode = "200", description = "A page of scorecards. Follow next_cursor (or the Link header).",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ScorecardsBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, contentMediaType = "text/csv",
                        contentSchema = ScorecardsBody.CsvRecord.class))})
    public Response scorecards(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> ScorecardsBody.of(service.page(tenant,
                state -> negotiation.query(parser.parse(tenant, state, uri.getQueryParameters())))));
    }
}
