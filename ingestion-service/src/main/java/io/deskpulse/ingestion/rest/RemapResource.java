package io.deskpulse.ingestion.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.ingestion.service.HookService;
import io.deskpulse.ingestion.service.KnownConnector;
import io.deskpulse.ingestion.service.UnknownConnectorException;
import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.smallrye.common.annotation.Blocking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Re-maps of a connector's raw payloads (docs/connectors.md#re-map): after a mapping fix, the payloads kept on the
 * raw topic since a point in time are mapped again and their events sent through the event path. Idempotent: the
 * ids are those the first mapping gave, so nothing counts twice.
 */
@Path("/v1/connectors/{connector_id}/remaps")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "hooks", description = "Native webhooks of Zendesk, Chatwoot, Freshdesk, Intercom and Zammad")
@SecurityRequirement(name = IngestionApi.BEARER)
public class RemapResource {

    private final HookService service;
    private final Caller caller;

    public RemapResource(HookService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body's shape, for the OpenAPI document; read by {@link #from(String)}, which names what is wrong. */
    @Schema(name = "RemapRequest", description = "Where the re-map starts")
    public record RemapRequest(
            @Schema(required = true, description = "Payloads received at or after this instant are mapped again",
                    example = "2026-12-01T00:00:00Z") Instant from) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "RemapResult", description = "What the re-map read and sent")
    public record RemapResult(
            @Schema(description = "Raw payloads of the connector read") long payloadsRead,
            @Schema(description = "Payloads that still do not map (skipped)") long payloadsUnmappable,
            @Schema(description = "Canonical events written to Kafka (new to DeskPulse)") long accepted,
            @Schema(description = "Canonical events recognised as already sent") long duplicates,
            @Schema(description = "false when deskpulse.connectors.remap-max-payloads stopped it: ask again from "
                    + "last_received_at") boolean complete,
            @Schema(nullable = true, description = "Receipt time of the last payload read") Instant lastReceivedAt) {
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "remapConnector", summary = "Map a connector's raw payloads again",
            description = "Reads the raw topic from the first payload received at or after 'from' to its end now, maps "
                    + "the connector's payloads with the current mapping and sends the events through the path of POST "
                    + "/v1/events. Events the first mapping already produced have the same ids and count once; events a "
                    + "fixed mapping now produces are added. Runs while the request waits.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RemapRequest.class),
            examples = @ExampleObject(name = "since 1 December", value = "{\"from\": \"2026-12-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "Done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RemapResult.class),
                    examples = @ExampleObject(name = "done", value = "{\"payloads_read\": 120, \"payloads_unmappable\": 0, "
                            + "\"accepted\": 4, \"duplicates\": 180, \"complete\": true, "
                            + "\"last_received_at\": \"2026-12-07T09:12:44Z\"}")))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The API key lacks the admin scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no active connector with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The body is not a JSON object with 'from' an RFC 3339 instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka is unavailable; nothing or part was sent, ask again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RemapResult remap(
            @Parameter(description = "The connector's id", example = "cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12")
            @PathParam("connector_id") String connectorId,
            String body) {
        Instant from = from(body);
        KnownConnector connector = service.connector(connectorId);
        if (!connector.tenant().equals(caller.tenant())) {
            throw new UnknownConnectorException();
        }
        HookService.RemapOutcome outcome = service.remap(connector, from);
        return new RemapResult(outcome.payloadsRead(), outcome.payloadsUnmappable(), outcome.accepted(),
                outcome.duplicates(), outcome.complete(), outcome.lastReceivedAt());
    }

    static Instant from(String body) {
        JsonNode from;
        try {
            from = JSON.readTree(body == null ? "" : body).path("from");
        } catch (java.io.IOException e) {
            throw new InvalidRemapException("is required: the body must be a JSON object such as "
                    + "{\"from\": \"2026-12-01T00:00:00Z\"}");
        }
        if (!from.isTextual()) {
            throw new InvalidRemapException("is required: an RFC 3339 instant such as 2026-12-01T00:00:00Z");
        }
        try {
            return java.time.OffsetDateTime.parse(from.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRemapException("must be an RFC 3339 instant with an offset, such as 2026-12-01T00:00:00Z");
        }
    }
}
