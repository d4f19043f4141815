package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.PeriodReportBody;
import io.deskpulse.reporting.rest.body.PeriodReportsBody;
import io.deskpulse.reporting.rest.body.ScorecardsBody;
import io.deskpulse.reporting.rest.request.PeriodReportRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.PeriodReportService;
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
 * The period reports scoring-service keeps when a day, ISO week or month closes (docs/scorecards.md#period-reports):
 * the list, one report's teams with their KPIs and scorecards, and its scorecards alone. The same numbers whenever
 * they are opened: late events restate the live /v1/kpis, not a kept report. The common parameters and errors come
 * from {@link StandardResponsesFilter}.
 */
@Path("/v1/reports")
@Tag(name = "reports", description = "Daily, weekly and monthly reports kept when the period closes")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class PeriodReportResource {

    private static final String REPORT_ID = "The report's id (GET /v1/reports lists them)";
    private static final String DIMENSION = "The report's teams (default; the no-team row first) or its agents (what was "
            + "credited to no agent has no agent row)";

    private final PeriodReportRequestParser parser;
    private final PeriodReportService reports;
    private final Caller caller;

    public PeriodReportResource(PeriodReportRequestParser parser, PeriodReportService reports, Caller caller) {
        this.parser = parser;
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listReports", summary = "The kept period reports", description = "Newest period first (then newest report). A report is "
            + "made once the period has closed in the tenant's time zone and a grace time (30 min by default) has passed. "
            + "See docs/scorecards.md, Period reports.")
    @Parameters({
        @Parameter(name = "granularity", in = ParameterIn.QUERY, description = "Only days, weeks or months",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month"}), example = "week"),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "Only periods starting on or after this day",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-10-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Only periods starting on or before this day",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30")
        // limit, cursor, format and If-None-Match: StandardResponsesFilter, as for every report endpoint.
    })
    @APIResponse(responseCode = "200", description = "A page of reports. Follow next_cursor (or the Link header).",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PeriodReportsBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> PeriodReportsBody.of(reports.list(
                negotiation.query(parser.list(tenant, uri.getQueryParameters())))));
    }

    @GET
    @Path("/{id}")
    @RequiresScope(Scope.READ)
    @Operation(operationId = "getReport", summary = "One period report: each team's (or agent's) KPIs, scorecard and streaks",
            description = "The report's fields, then its teams in id order (the no-team row, with KPIs but no scorecard, "
                    + "first), or with dimension=agent its agents, paged. Every number comes from what was kept when the "
                    + "period closed, scored with the models version and the exemptions in force then. Each member has "
                    + "streak_current and streak_best: its consecutive kept periods of this length at or above the "
                    + "report's streak_min_score (docs/scorecards.md#streaks). CSV: one flat record per member with the "
                    + "report's fields, its scorecard's role, version and score, its streaks, and every metric (the "
                    + "PeriodReportCsvRecord schema).")
    @Parameters({
        @Parameter(name = "id", in = ParameterIn.PATH, required = true, description = REPORT_ID,
                schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"), example = "12"),
        @Parameter(name = "dimension", in = ParameterIn.QUERY, description = DIMENSION,
                schema = @Schema(type = SchemaType.STRING, enumeration = {"team", "agent"}, defaultValue = "team"),
                example = "agent")
    })
    @APIResponse(responseCode = "200", description = "The report and a page of its teams (or agents)",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PeriodReportBody.class)),
                // The CSV record's schema (PeriodReportCsvRecord) is built from the catalog: CatalogOpenApiFilter.
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "The tenant has no such report")
    public Response report(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> PeriodReportBody.of(reports.detail(
                negotiation.query(parser.report(tenant, id, uri.getQueryParameters())))));
    }

    @GET
    @Path("/{id}/scorecards")
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listReportScorecards", summary = "One period report's scorecards", description = "The teams' (or, with dimension=agent, the "
            + "agents') scorecards of the report in the shape of GET /v1/scorecards (the report's period and zone), paged "
            + "by member: JSON, or the flat CSV with one record per member and KPI (the ScorecardCsvRecord schema).")
    @Parameters({
        @Parameter(name = "id", in = ParameterIn.PATH, required = true, description = REPORT_ID,
                schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"), example = "12"),
        @Parameter(name = "dimension", in = ParameterIn.QUERY, description = DIMENSION,
                schema = @Schema(type = SchemaType.STRING, enumeration = {"team", "agent"}, defaultValue = "team"),
                example = "agent")
    })
    @APIResponse(responseCode = "200", description = "The report's scorecards",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ScorecardsBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, contentMediaType = "text/csv",
                        contentSchema = ScorecardsBody.CsvRecord.class))})
    @APIResponse(responseCode = "404", description = "The tenant has no such report")
    public Response scorecards(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> ScorecardsBody.of(reports.scorecards(
                negotiation.query(parser.report(tenant, id, uri.getQueryParameters())))));
    }
}
