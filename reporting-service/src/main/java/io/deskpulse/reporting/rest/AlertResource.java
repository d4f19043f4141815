package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.AlertsBody;
import io.deskpulse.reporting.rest.request.AlertRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.AlertService;
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
 * {@code GET /v1/alerts}: the alerts scoring-service raised and resolved (docs/alerts.md), newest first. The common
 * parameters and errors come from {@link StandardResponsesFilter}.
 */
@Path("/v1/alerts")
@Tag(name = "alerts", description = "Threshold alerts raised and resolved")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class AlertResource {

    private final AlertRequestParser parser;
    private final AlertService alerts;
    private final Caller caller;

    public AlertResource(AlertRequestParser parser, AlertService alerts, Caller caller) {
        this.parser = parser;
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listAlerts", summary = "Alerts raised and resolved",
            description = "The tenant's alerts, newest first (by id), each with the rule's definition when it was raised, "
                    + "the value and volume that raised it, the hours read, and what resolved it. Poll with since (and "
                    + "If-None-Match) for what changed. See docs/alerts.md.")
    @Parameters({
        @Parameter(name = "state", in = ParameterIn.QUERY, description = "Only open (raised) or only resolved alerts",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"raised", "resolved"}), example = "raised"),
        @Parameter(name = "rule", in = ParameterIn.QUERY, explode = Explode.TRUE, description = "Repeatable (at most "
                + AlertRequestParser.MAX_RULES + "): only the alerts of these rules",
                schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class), example = "3"),
        @Parameter(name = "since", in = ParameterIn.QUERY, description = "Only alerts raised or resolved at or after this "
                + "instant (RFC 3339 with Z or an offset; encode + as %2B)",
                schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-11-02T00:00:00Z")
        // limit, cursor, format and If-None-Match: StandardResponsesFilter, as for every report endpoint.
    })
    @APIResponse(responseCode = "200", description = "A page of alerts. Follow next_cursor (or the Link header).",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = AlertsBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response alerts(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> AlertsBody.of(alerts.page(
                negotiation.query(parser.parse(tenant, uri.getQueryParameters())))));
    }
}
