package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.domain.ManagedKey;
import io.deskpulse.scoring.service.KeyAdministration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API keys of the caller's tenant (docs/security.md, "Key management"): an admin key issues, lists, rotates and
 * revokes them. A revoked or expired key is refused by every service within seconds.
 */
@Path("/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "keys", description = "The tenant's API keys: issue, list, rotate, revoke")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class ApiKeyResource {

    private final KeyAdministration keys;
    private final Caller caller;
    private final Clock clock;

    public ApiKeyResource(KeyAdministration keys, Caller caller, Clock clock) {
        this.keys = keys;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueKey", summary = "Issue a key of the tenant",
            description = "Answers the key's secret, once: DeskPulse keeps only its SHA-256. The key works in every "
                    + "service within seconds.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KeyRequest.class),
            examples = @ExampleObject(name = "an ingest key", value = KeyExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Issued; the secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IssuedKeyJson.class),
                    examples = @ExampleObject(name = "issued", value = KeyExamples.ISSUED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "Invalid request: every bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown scope", value = KeyExamples.INVALID)))
    public Response issue(@Valid @NotNull(message = "is required: a JSON object with name and scopes") KeyRequest body)
            throws SQLException {
        return issued(keys.issue(caller.tenant(), body.name().trim(), body.scopes(), body.expiresAt()), clock);
    }

    @GET
    @Operation(operationId = "listKeys", summary = "The tenant's issued keys, newest first",
            description = "Revoked and expired ones included; never a secret, only each key's first characters. The "
                    + "configured (bootstrap) keys are not listed.")
    @APIResponse(responseCode = "200", description = "The keys (empty when none was issued)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = KeyJson.class),
                    examples = @ExampleObject(name = "one key", value = "[" + KeyExamples.KEY + "]")))
    public List<KeyJson> list() throws SQLException {
        return listed(keys.keys(caller.tenant()), clock);
    }

    @POST
    @Path("/{id}/rotation")
    @Operation(operationId = "rotateKey", summary = "Replace a key by a new one, with an overlap",
            description = "Issues a key with the same name and scopes and answers its secret, once. The old key keeps "
                    + "working until old_key_valid_until (default: 24 hours from now), so clients switch without a "
                    + "gap; then it is refused everywhere. The body may be absent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RotationRequest.class),
            examples = @ExampleObject(name = "one day of overlap", value = KeyExamples.ROTATION)))
    @APIResponse(responseCode = "201", description = "The new key; the secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IssuedKeyJson.class),
                    examples = @ExampleObject(name = "issued", value = KeyExamples.ISSUED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "404", description = "The tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = KeyExamples.UNKNOWN_KEY)))
    @APIResponse(responseCode = "409", description = "The key is revoked or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "revoked", value = KeyExamples.INACTIVE)))
    @APIResponse(responseCode = "415", description = "A body that is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "Invalid request: every bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "overlap too long", value = KeyExamples.INVALID_ROTATION)))
    public Response rotate(@Parameter(description = "The key's id", example = "6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40")
            @PathParam("id") String id, @Valid RotationRequest body) throws SQLException {
        RotationRequest request = body != null ? body : new RotationRequest(null, null, null);
        return issued(keys.rotate(caller.tenant(), RecomputationResource.uuid(id), request.oldKeyValidUntil(),
                request.expiresAt()), clock);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeKey", summary = "Revoke a key",
            description = "Every service refuses the key within seconds. The key stays listed, as revoked; revoking it "
                    + "again changes nothing.")
    @APIResponse(responseCode = "200", description = "The key, revoked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyJson.class),
                    examples = @ExampleObject(name = "revoked", value = KeyExamples.REVOKED)))
    @APIResponse(responseCode = "404", description = "The tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = KeyExamples.UNKNOWN_KEY)))
    public KeyJson revoke(@Parameter(description = "The key's id", example = "6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40")
            @PathParam("id") String id) throws SQLException {
        return KeyJson.of(keys.revoke(caller.tenant(), RecomputationResource.uuid(id)), clock.instant());
    }

    static Response issued(KeyAdministration.IssuedKey issued, Clock clock) {
        return Response.status(Response.Status.CREATED).entity(IssuedKeyJson.of(issued, clock.instant())).build();
    }

    static List<KeyJson> listed(List<ManagedKey> keys, Clock clock) {
        return keys.stream().map(key -> KeyJson.of(key, clock.instant())).toList();
    }
}
