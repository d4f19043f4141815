package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.service.Replays;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Replays of the event topic from a point in time, for the tenant: every event since then is fed
 * through scoring again, and those already applied change nothing.
 */
@Path("/v1/replays")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "replays", description = "Feeding the tenant's events since a point in time through scoring again")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class ReplayResource {

    static final String EXAMPLE = """
            {"id": "0b4e6f0e-2f67-4a53-8f0e-5d1b1f3c9e77", "status": "running", "from": "2026-11-01T00:00:00Z",
             "topic": "deskpulse.events.v1", "end_offsets": {"0": 120455, "1": 118302}, "events_read": 40210,
             "events_applied": 312, "requested_by": "key:5e884898da28", "requested_at": "2026-11-25T09:00:00Z",
             "finished_at": null, "error": null}""";

    /** The body of POST /v1/replays; 'from' is read as text so that a bad value gets its own reason. */
    @Schema(name = "ReplayRequest", description = "Where the replay starts")
    public record ReplayRequest(@Schema(required = true, description = "An RFC 3339 timestamp with an offset, not in "
            + "the future", example = "2026-11-01T00:00:00Z") String from) {
    }

    private final Replays replays;
    private final Caller caller;

    static final String RUNNING = """
            {"type": "https://deskpulse.io/problems/replay-running", "title": "Replay running", "status": 409,
             "detail": "Replay 0d7c4b2a-5e1f-4a3b-9c8d-7e6f5a4b3c2d of this tenant is queued or running; a tenant has \
            one at a time: follow it at /v1/replays/0d7c4b2a-5e1f-4a3b-9c8d-7e6f5a4b3c2d and ask again when it is done"}""";

    public ReplayResource(Replays replays, Caller caller) {
        this.replays = replays;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReplay", summary = "Replay the topic from a point in time",
            description = "Reads the topic from the first record at or after 'from' up to where it ends now, and "
                    + "applies the tenant's events that are not applied yet. A tenant has one replay queued or running "
                    + "at a time: asking for another meanwhile, whatever its 'from', is a 409 whose detail and Location "
                    + "name the running one.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReplayRequest.class),
            examples = @ExampleObject(name = "since 1 November",
            value = "{\"from\": \"2026-11-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "202", description = "Running",
            content = @Content(schema = @Schema(implementation = ReplayJson.class),
                    examples = @ExampleObject(name = "running", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "'from' missing or not an RFC 3339 timestamp",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant has a replay queued or running (type replay-running); "
            + "Location is its URL",
            headers = @Header(name = "Location", description = "/v1/replays/<id> of the running replay",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "one is running", value = RUNNING)))
    public Response replay(ReplayRequest body,
            @Parameter(description = "Who asks, for the audit trail (else the key's fingerprint)")
            @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        Instant from = from(body);
        ReplayJson started = ReplayJson.of(replays.request(caller.tenant(), from, Actor.of(caller, actor)));
        return Response.accepted(started).location(URI.create("/v1/replays/" + started.id())).build();
    }

    @GET
    @Operation(operationId = "listReplays", summary = "The tenant's recent replays, newest first")
    @APIResponse(responseCode = "200", description = "Up to 100 replays",
            content = @Content(schema = @Schema(implementation = ReplayJson[].class)))
    public List<ReplayJson> list() throws SQLException {
        return replays.list(caller.tenant()).stream().map(ReplayJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReplay", summary = "One replay and its progress")
    @APIResponse(responseCode = "200", description = "The replay",
            content = @Content(schema = @Schema(implementation = ReplayJson.class),
                    examples = @ExampleObject(name = "running", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such replay of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReplayJson get(@PathParam("id") String id) throws SQLException {
        return replays.find(caller.tenant(), RecomputationResource.uuid(id)).map(ReplayJson::of)
                .orElseThrow(() -> new NotFoundException("No replay " + id + " of this tenant."));
    }

    static Instant from(ReplayRequest body) {
        String from = body == null ? null : body.from();
        if (from == null) {
            throw new InvalidParameterException("from", "is required: an RFC 3339 timestamp such as 2026-11-01T00:00:00Z");
        }
        try {
            Instant instant = OffsetDateTime.parse(from).toInstant();
            if (instant.isAfter(Instant.now())) {
                throw new InvalidParameterException("from", "is in the future");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("from", "must be an RFC 3339 timestamp with an offset, got '"
                    + from + "'");
        }
    }
}
