package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
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
import java.net.URI;
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
 * Administration of the installation, with an operator key (a configured key with scope {@code operator}): tenants,
 * and the keys of any tenant, first of all its first admin key (docs/security.md, "Key management").
 */
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.OPERATOR)
@Tag(name = "tenants", description = "Tenants and their keys, for operators")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
@APIResponse(responseCode = "403", description = "The key lacks the operator scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "admin key", value = KeyExamples.NOT_OPERATOR)))
public class TenantResource {

    private final KeyAdministration keys;
    private final Clock clock;

    public TenantResource(KeyAdministration keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTenant", summary = "Create a tenant",
            description = "From now on scoring accepts the tenant's records, and keys can be issued for it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TenantRequest.class),
            examples = @ExampleObject(name = "acme", value = "{\"id\": \"acme\"}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantJson.class),
                    examples = @ExampleObject(name = "created", value = KeyExamples.TENANT)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "409", description = "The tenant exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "exists", value = KeyExamples.TENANT_EXISTS)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "Invalid request: the id missing or malformed, or unknown fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed id", value = KeyExamples.INVALID_TENANT)))
    public Response create(@Valid @NotNull(message = "is required: a JSON object with id") TenantRequest body)
            throws SQLException {
        TenantJson created = TenantJson.of(keys.createTenant(body.id()));
        return Response.created(URI.create("/v1/tenants/" + created.id() + "/keys")).entity(created).build();
    }

    @GET
    @Operation(operationId = "listTenants", summary = "Every tenant, by id")
    @APIResponse(responseCode = "200", description = "The tenants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TenantJson.class),
                    examples = @ExampleObject(name = "one tenant", value = "[" + KeyExamples.TENANT + "]")))
    public List<TenantJson> list() throws SQLException {
        return keys.tenants().stream().map(TenantJson::of).toList();
    }

    @POST
    @Path("/{tenant}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueTenantKey", summary = "Issue a key of a tenant",
            description = "As POST /v1/keys does for an admin key's own tenant; the way to a new tenant's first admin "
                    + "key. Answers the secret, once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KeyRequest.class),
            examples = @ExampleObject(name = "the first admin key",
                    value = "{\"name\": \"acme admin\", \"scopes\": [\"admin\"]}")))
    @APIResponse(responseCode = "201", description = "Issued; the secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IssuedKeyJson.class),
                    examples = @ExampleObject(name = "issued", value = KeyExamples.ISSUED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = KeyExamples.UNKNOWN_TENANT)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "Invalid request: every bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown scope", value = KeyExamples.INVALID)))
    public Response issue(@Parameter(description = "The tenant's id", example = "acme") @PathParam("tenant") String tenant,
            @Valid @NotNull(message = "is required: a JSON object with name and scopes") KeyRequest body)
            throws SQLException {
        return ApiKeyResource.issued(keys.issue(tenant, body.name().trim(), body.scopes(), body.expiresAt()), clock);
    }

    @GET
    @Path("/{tenant}/keys")
    @Operation(operationId = "listTenantKeys", summary = "A tenant's issued keys, newest first",
            description = "Never a secret, only each key's first characters.")
    @APIResponse(responseCode = "200", description = "The keys (empty for an unknown tenant, or one without keys)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = KeyJson.class),
                    examples = @ExampleObject(name = "one key", value = "[" + KeyExamples.KEY + "]")))
    public List<KeyJson> keys(@Parameter(description = "The tenant's id", example = "acme") @PathParam("tenant")
            String tenant) throws SQLException {
        return ApiKeyResource.listed(keys.keys(tenant), clock);
    }

    @DELETE
    @Path("/{tenant}/keys/{id}")
    @Operation(operationId = "revokeTenantKey", summary = "Revoke a key of a tenant",
            description = "As DELETE /v1/keys/{id} does for an admin key's own tenant.")
    @APIResponse(responseCode = "200", description = "The key, revoked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyJson.class),
                    examples = @ExampleObject(name = "revoked", value = KeyExamples.REVOKED)))
    @APIResponse(responseCode = "404", description = "The tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = KeyExamples.UNKNOWN_KEY)))
    public KeyJson revoke(@Parameter(description = "The tenant's id", example = "acme") @PathParam("tenant") String tenant,
            @Parameter(description = "The key's id", example = "6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40") @PathParam("id")
            String id) throws SQLException {
        return KeyJson.of(keys.revoke(tenant, RecomputationResource.uuid(id)), clock.instant());
    }
}
