package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.AtRiskBody;
import io.deskpulse.reporting.rest.body.BacktestBody;
import io.deskpulse.reporting.rest.request.AtRiskRequestParser;
import io.deskpulse.reporting.rest.request.ChurnRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.AtRiskService;
import io.deskpulse.reporting.service.ChurnService;
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

/** {@code GET /v1/customers/at-risk}: customers by churn-risk score over the last 30 days, with the signals behind it. */
@Path("/v1/customers/at-risk")
@Tag(name = "customers", description = "Churn risk per customer")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class AtRiskResource {

    private final AtRiskRequestParser parser;
    private final AtRiskService service;
    private final ChurnRequestParser churnParser;
    private final ChurnService churn;
    private final Caller caller;

    public AtRiskResource(AtRiskRequestParser parser, AtRiskService service, ChurnRequestParser churnParser,
            ChurnService churn, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.churnParser = churnParser;
        this.churn = churn;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listCustomersAtRisk", summary = "Customers at risk of churning, highest score first",
            description = "Per customer, from the tickets created in the 30 days ending as_of and their latest NPS "
                    + "response in those days: repeat contacts (3+ tickets), complaints, low CSAT (1-2), NPS detractor "
                    + "(0-6), reopens, negative sentiment (tickets scored at or below -0.25). Each signal gives points (see the AtRiskRow columns); the score is their sum, at "
                    + "most 100. Ties by customer_id. See docs/kpis.md, Churn risk.")
    @Parameters({
        @Parameter(name = "as_of", in = ParameterIn.QUERY, description = "The window's last day, in tz; default today",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA zone of the days; default the tenant's",
                schema = @Schema(type = SchemaType.STRING), example = "Europe/Berlin"),
        @Parameter(name = "min_score", in = ParameterIn.QUERY, description = "Only customers scoring at least this; "
                + "0 lists every customer with a ticket or NPS response in the window",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100", defaultValue = "1"), example = "50")
    })
    @APIResponse(responseCode = "200", description = "A page of customers, highest score first.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = AtRiskBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response atRisk(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> AtRiskBody.of(service.page(tenant,
                state -> negotiation.query(parser.parse(tenant, state, uri.getQueryParameters())))));
    }

    @GET
    @Path("backtest")
    @RequiresScope(Scope.READ)
    @Operation(operationId = "backtestCustomersAtRisk", summary = "How well the at-risk score foresaw the churns",
            description = "Replays the at-risk list as of the end of every day from from - horizon_days to to - 1, "
                    + "from the signals as they stood then (event time; tickets keep their churn-risk history), and "
                    + "compares it with the customer.churned events of from..to. Per threshold: recall, the share of "
                    + "churned customers the list flagged (score at or above the threshold) on one of the horizon_days "
                    + "days before they churned; precision, the share of flagged customers that then churned so. "
                    + "See docs/kpis.md, Back-test of the churn-risk score.")
    @Parameters({
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day of the churns, in tz; default to "
                + "minus 89 days", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day of the churns, in tz; default today; at "
                + "most 366 days", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30"),
        @Parameter(name = "horizon_days", in = ParameterIn.QUERY, description = "How many days before a churn the list "
                + "must have flagged the customer", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                maximum = "366", defaultValue = "30"), example = "30"),
        @Parameter(name = "thresholds", in = ParameterIn.QUERY, description = "Comma list of scores (1..100, at most "
                + "20) to evaluate", schema = @Schema(type = SchemaType.STRING, defaultValue = "25,50,75"),
                example = "25,50,75"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA zone of the days; default the tenant's",
                schema = @Schema(type = SchemaType.STRING), example = "Europe/Berlin")
    })
    @APIResponse(responseCode = "200", description = "One row per threshold, ascending.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response backtest(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> BacktestBody.of(churn.backtest(tenant,
                state -> negotiation.query(churnParser.backtest(tenant, state, uri.getQueryParameters())))));
    }
}
