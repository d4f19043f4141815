package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.service.Recomputations;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recomputations of the tenant's aggregates from the stored timelines: started by settings changes,
 * or on request here. Reports keep the previous numbers until one completes, then switch at once.
 */
@Path("/v1/recomputations")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "recomputations", description = "Rebuilding a tenant's aggregates from its timelines, online")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class RecomputationResource {

    static final String EXAMPLE = """
            {"id": "6f1c2a3e-8d5b-4c1e-9a0f-2b7d5e4c3a21", "status": "running", "reason": "settings changed: business_hours",
             "settings_version": 3, "generation": 2, "timelines_total": 48210, "timelines_done": 12000, "progress": 0.2489,
             "requested_by": "jane@acme.example", "requested_at": "2026-11-25T09:00:00Z", "finished_at": null, "error": null}""";

    static final String RUNNING = """
            {"type": "https://deskpulse.io/problems/recomputation-running", "title": "Recomputation running",
             "status": 409, "detail": "Recomputation 6f1c2a3e-8d5b-4c1e-9a0f-2b7d5e4c3a21 of this tenant is queued or \
            running; a tenant has one at a time: follow it at /v1/recomputations/6f1c2a3e-8d5b-4c1e-9a0f-2b7d5e4c3a21 \
            and ask again when it is done"}""";

    private final Recomputations recomputations;
    private final Caller caller;

    public RecomputationResource(Recomputations recomputations, Caller caller) {
        this.recomputations = recomputations;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createRecomputation", summary = "Rebuild the tenant's aggregates from its timelines",
            description = "Starts a recomputation with the latest settings; follow it at the Location. A tenant has "
                    + "one recomputation running at a time (a settings change's included): asking meanwhile is a 409 "
                    + "whose detail and Location name the running one.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = RecomputationJson.class),
                    examples = @ExampleObject(name = "running", value = EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The tenant has a recomputation running (type "
            + "recomputation-running); Location is its URL",
            headers = @Header(name = "Location", description = "/v1/recomputations/<id> of the running recomputation",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "one is running", value = RUNNING)))
    public Response rebuild(@Parameter(description = "Who asks, for the audit trail (else the key's fingerprint)")
            @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        RecomputationJson started = RecomputationJson.of(recomputations.rebuild(caller.tenant(), Actor.of(caller, actor)));
        return Response.accepted(started).location(URI.create("/v1/recomputations/" + started.id())).build();
    }

    @GET
    @Operation(operationId = "listRecomputations", summary = "The tenant's recent recomputations, newest first")
    @APIResponse(responseCode = "200", description = "Up to 100 recomputations",
            content = @Content(schema = @Schema(implementation = RecomputationJson[].class)))
    public List<RecomputationJson> list() throws SQLException {
        return recomputations.list(caller.tenant()).stream().map(RecomputationJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRecomputation", summary = "One recomputation and its progress")
    @APIResponse(responseCode = "200", description = "The recomputation",
            content = @Content(schema = @Schema(implementation = RecomputationJson.class),
                    examples = @ExampleObject(name = "running", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such recomputation of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecomputationJson get(@PathParam("id") String id) throws SQLException {
        return recomputations.find(caller.tenant(), uuid(id)).map(RecomputationJson::of)
                .orElseThrow(() -> new NotFoundException("No recomputation " + id + " of this tenant."));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such id: " + id);
        }
    }
}
