package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.service.Reconciliations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
 * Reconciliations (docs/reconciliation.md): the tenant's aggregates recomputed from its timelines for a range,
 * compared with what is stored, and repaired on request. They run in the background, on any instance.
 */
@Path("/v1/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "reconciliations", description = "Checking (and repairing) stored aggregates against the timelines")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class ReconciliationResource {

    private final Reconciliations reconciliations;
    private final Caller caller;

    public ReconciliationResource(Reconciliations reconciliations, Caller caller) {
        this.reconciliations = reconciliations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReconciliation", summary = "Check the tenant's aggregates for a range",
            description = "Queues a reconciliation: every aggregate row of the hours overlapping [from, to) (and of the "
                    + "local days among them) is recomputed from the timelines with the active settings and compared "
                    + "with what is stored; with repair, what differs is corrected. Follow it at the Location. A tenant "
                    + "has at most one queued or running.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReconciliationRequest.class),
            examples = {
                @ExampleObject(name = "check two days", value = ReconciliationExamples.CHECK),
                @ExampleObject(name = "repair after an incident", value = ReconciliationExamples.REPAIR)}))
    @APIResponse(responseCode = "202", description = "Queued; its URL is in Location",
            headers = @Header(name = "Location", description = "/v1/reconciliations/<id>",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationJson.class),
                    examples = @ExampleObject(name = "queued", value = ReconciliationExamples.QUEUED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON, or an X-DeskPulse-Actor that is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "409", description = "The tenant has a reconciliation queued or running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "one is running", value = ReconciliationExamples.RUNNING)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "Invalid request: every bad field named (missing, unknown, not an "
            + "instant, 'to' not after 'from', a range over 400 days)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ReconciliationExamples.INVALID)))
    public Response create(
            @Valid @NotNull(message = "is required: a JSON object with from, to and repair") ReconciliationRequest body,
            @Parameter(description = "Who asks (at most 200 characters); default: key:<fingerprint of the API key>",
                    example = "jane.doe@example.com") @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        ReconciliationJson queued = ReconciliationJson.of(reconciliations.request(caller.tenant(), body.from(), body.to(),
                body.repairs(), Actor.of(caller, actor)));
        return Response.accepted(queued).location(URI.create("/v1/reconciliations/" + queued.id())).build();
    }

    @GET
    @Operation(operationId = "listReconciliations", summary = "The tenant's recent reconciliations, newest first",
            description = "The 50 newest, each whole (as GET /v1/reconciliations/{id} answers it).")
    @APIResponse(responseCode = "200", description = "Up to 50 reconciliations (empty when there are none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReconciliationJson.class),
                    examples = @ExampleObject(name = "one repaired", value = "[" + ReconciliationExamples.REPAIRED + "]")))
    public List<ReconciliationJson> list() throws SQLException {
        return reconciliations.list(caller.tenant()).stream().map(ReconciliationJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReconciliation", summary = "One reconciliation: progress, and what it found")
    @APIResponse(responseCode = "200", description = "The reconciliation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationJson.class),
                    examples = {
                        @ExampleObject(name = "differences found", value = ReconciliationExamples.FOUND),
                        @ExampleObject(name = "repaired", value = ReconciliationExamples.REPAIRED)}))
    @APIResponse(responseCode = "404", description = "The tenant has no such reconciliation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ReconciliationExamples.NOT_FOUND)))
    public ReconciliationJson get(@Parameter(description = "The reconciliation's id",
            example = "5b0e7c52-8a61-4f0e-b7d4-3c2a9e1f6d08") @PathParam("id") String id) throws SQLException {
        return reconciliations.find(caller.tenant(), RecomputationResource.uuid(id)).map(ReconciliationJson::of)
                .orElseThrow(() -> new NotFoundException("No reconciliation " + id + " of this tenant."));
    }
}
