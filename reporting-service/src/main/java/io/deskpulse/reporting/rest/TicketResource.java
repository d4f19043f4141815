package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.TicketsBody;
import io.deskpulse.reporting.rest.request.TicketRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.TicketService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/tickets}: one row per ticket with its derived facts, listed by creation or exported
 * incrementally ({@code updated_since}, then the resume cursor). The common parameters and error
 * responses are added to the OpenAPI document by {@link StandardResponsesFilter}.
 */
@Path("/v1/tickets")
@Tag(name = "tickets", description = "Per-ticket facts for drill-down and incremental export")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class TicketResource {

    private final TicketRequestParser parser;
    private final TicketService service;
    private final Caller caller;

    public TicketResource(TicketRequestParser parser, TicketService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listTickets", summary = "Tickets with their derived facts",
            description = "Without updated_since: the tickets (filtered), ordered by created_at (unknown creation "
                    + "last), then ticket_id. With updated_since: an incremental export ordered by the writing "
                    + "transaction: every ticket changed since then, each once, and later (from resume_cursor) every "
                    + "ticket changed after that, again with its new state: upsert by ticket_id. A row is served once "
                    + "every transaction older than it has finished, so none committing late is skipped. "
                    + "See docs/reporting-api.md and docs/bi-tools.md.")
    @Parameters({
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "Created on or after this day (in tz)",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Created on or before this day (in tz)",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-07"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA zone of from and to; default the "
                + "tenant's (settings time_zone), else UTC. Any IANA zone (these are instants, not hourly sums)",
                schema = @Schema(type = SchemaType.STRING), example = "Europe/Berlin"),
        @Parameter(name = "team", in = ParameterIn.QUERY, description = "Only tickets held by this team now",
                schema = @Schema(type = SchemaType.STRING), example = "t-2"),
        @Parameter(name = "agent", in = ParameterIn.QUERY, description = "Only tickets assigned to this agent now",
                schema = @Schema(type = SchemaType.STRING), example = "a-17"),
        @Parameter(name = "customer", in = ParameterIn.QUERY, description = "Only this customer's tickets",
                schema = @Schema(type = SchemaType.STRING), example = "c-881"),
        @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only this channel (case-insensitive)",
                schema = @Schema(type = SchemaType.STRING,
                        enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"}), example = "email"),
        @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only tickets in this status now",
                schema = @Schema(type = SchemaType.STRING,
                        enumeration = {"new", "open", "pending", "on_hold", "solved", "closed"}), example = "solved"),
        @Parameter(name = "first_responder", in = ParameterIn.QUERY, description = "Only tickets whose first public "
                + "agent reply was this agent's", schema = @Schema(type = SchemaType.STRING), example = "a-17"),
        @Parameter(name = "solver", in = ParameterIn.QUERY, description = "Only tickets one of whose solves was credited "
                + "to this agent (as credited then: the agent of the status change, else the assignee)",
                schema = @Schema(type = SchemaType.STRING), example = "a-17"),
        @Parameter(name = "min_first_response_s", in = ParameterIn.QUERY, description = "Only tickets whose first "
                + "response took at least this many seconds (calendar time; at most 3 decimals)",
                schema = @Schema(type = SchemaType.NUMBER, minimum = "0"), example = "60"),
        @Parameter(name = "max_csat", in = ParameterIn.QUERY, description = "Only tickets whose latest CSAT score is at "
                + "most this", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5"), example = "5"),
        @Parameter(name = "sla_breached", in = ParameterIn.QUERY, description = "true: only tickets whose first response "
                + "missed its target; false: only those whose first response met it (tickets without a first response "
                + "are neither). Targets as the tenant's current numbers count them",
                schema = @Schema(type = SchemaType.BOOLEAN), example = "false"),
        @Parameter(name = "reopened", in = ParameterIn.QUERY, description = "true: only tickets reopened at least once; "
                + "false: only tickets never reopened", schema = @Schema(type = SchemaType.BOOLEAN), example = "false"),
        @Parameter(name = "fcr", in = ParameterIn.QUERY, description = "true: only tickets resolved on first contact; "
                + "false: only solved tickets that were not (unsolved tickets are neither)",
                schema = @Schema(type = SchemaType.BOOLEAN), example = "true"),
        @Parameter(name = "updated_since", in = ParameterIn.QUERY, description = "RFC 3339 timestamp (encode + as %2B): "
                + "export every ticket changed at or after it, in export order; continue with next_cursor, and later "
                + "with resume_cursor (same URL). Filters on mutable fields (status, team, agent) drop tickets that "
                + "leave them from the export: sync without them",
                schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-11-01T00:00:00Z")
    })
    @APIResponse(responseCode = "200", description = "A page of tickets. Follow next_cursor (or the Link header).",
            headers = @Header(name = TicketsBody.RESUME_HEADER, description = "Exports only: the resume_cursor (CSV has "
                    + "no body field for it)", schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = TicketsBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response tickets(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> TicketsBody.of(service.page(tenant,
                state -> negotiation.query(parser.parse(tenant, state, uri.getQueryParameters())))));
    }
}
