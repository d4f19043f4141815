package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.service.InvalidSettingsException;
import io.deskpulse.scoring.service.Precondition;
import io.deskpulse.scoring.service.ScoringModelRules;
import io.deskpulse.scoring.service.ScoringModelService;
import io.deskpulse.scoring.service.ScoringModelService.Saved;
import io.deskpulse.scoring.service.ScoringModelService.State;
import io.deskpulse.scoring.service.UnknownSettingsVersionException;
import io.deskpulse.storage.ScoringModelsDocument;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
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
 * The tenant's scoring models (docs/scorecards.md): one versioned document, beside the settings, holding the
 * model of each role and who has which role. Scorecards are computed when read, so a change takes effect at
 * the next read and never recomputes anything.
 */
@Path(ScoringModelService.RESOURCE)
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "scoring models", description = "Scorecard models per role and role assignments, versioned")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class ScoringModelResource {

    private final ScoringModelService service;
    private final AdminBodies bodies;
    private final Caller caller;

    public ScoringModelResource(ScoringModelService service, AdminBodies bodies, Caller caller) {
        this.service = service;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getScoringModels", summary = "The tenant's scoring models",
            description = "The latest version with every default filled in; version 0 (the catalog's models) when never saved.")
    @APIResponse(responseCode = "200", description = "The scoring models",
            headers = @Header(name = "ETag", description = "\"<version>\": send it back in If-Match to PUT safely",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScoringModelsJson.class),
                    examples = @ExampleObject(name = "never saved: the catalog's models", value = ScorecardExamples.MODELS_DEFAULTS)))
    public Response get() throws SQLException {
        State state = service.current(caller.tenant());
        return Response.ok(ScoringModelsJson.current(state)).header(HttpHeaders.ETAG, VersionSummary.etag(state.version()))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceScoringModels", summary = "Replace the tenant's scoring models",
            description = "The body is the whole document: a field left out (or null) takes its default (roles: the "
                    + "catalog's three; default_roles: frontline_agent for agents, team_lead for teams; no per-agent or "
                    + "per-team roles). Unknown fields are refused, the read-only fields of a GET answer ignored. A change "
                    + "is a new version; it recomputes nothing (scorecards are computed when read). A document that "
                    + "changes nothing creates no version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoringModelsDocument.class),
            examples = @ExampleObject(name = "a custom role and assignments", value = ScorecardExamples.MODELS_PUT)))
    @APIResponse(responseCode = "200", description = "Saved (or nothing changed: the current version)",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScoringModelsJson.class),
                    examples = @ExampleObject(name = "version 4", value = ScorecardExamples.MODELS_SAVED)))
    @APIResponse(responseCode = "400", description = "Invalid models (every bad field listed, by path), a body that is not "
            + "JSON, or an X-DeskPulse-Actor that is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                        @ExampleObject(name = "invalid models", value = ScorecardExamples.MODELS_INVALID),
                        @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY),
                        @ExampleObject(name = "actor too long", value = OpenApiExamples.INVALID_ACTOR)}))
    @APIResponse(responseCode = "409", description = "The next version was taken twice by writers that bypass the API; "
            + "nothing was saved: GET and try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "concurrent update", value = ScorecardExamples.MODELS_CONCURRENT)))
    @APIResponse(responseCode = "412", description = "If-Match named another version than the current one (its ETag is in "
            + "the answer's ETag header); nothing was saved",
            headers = @Header(name = "ETag", description = "\"<current version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "changed meanwhile", value = ScorecardExamples.MODELS_CONFLICT)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    public Response put(String body,
            @Parameter(description = "\"<version>\" (the ETag of a GET): refuse with 412 unless that is still the "
                    + "current version", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Who makes the change, recorded as changed_by (at most 200 characters); default: "
                    + "key:<fingerprint of the API key>", example = "jane.doe@example.com")
            @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        String changedBy = Actor.of(caller, actor);
        Precondition precondition = Precondition.ifMatch(ifMatch);
        ScoringModelsDocument wanted = bodies.read(body, ScoringModelsDocument.class, "the scoring models document",
                ScoringModelsDocument.FIELDS, InvalidSettingsException::new, ScoringModelRules::check)
                .canonical(ScoringModelsDocument.DEFAULTS);
        Saved saved = service.save(caller.tenant(), wanted, precondition, changedBy);
        return Response.ok(ScoringModelsJson.current(saved.state()))
                .header(HttpHeaders.ETAG, VersionSummary.etag(saved.state().version())).build();
    }

    @GET
    @Path("/versions")
    @Operation(operationId = "listScoringModelVersions", summary = "The history of the tenant's scoring models", description = "Every saved version, newest first.")
    @APIResponse(responseCode = "200", description = "The versions (empty when never saved)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = VersionSummary.class),
                    examples = @ExampleObject(name = "two versions", value = ScorecardExamples.MODELS_HISTORY)))
    public Response versions() throws SQLException {
        return Response.ok(VersionSummary.history(service.history(caller.tenant()))).build();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(operationId = "getScoringModelVersion", summary = "One version of the tenant's scoring models",
            description = "Its whole effective document; version 0 is the catalog's models. Scorecards computed with "
                    + "model_version=<n> use it.")
    @APIResponse(responseCode = "200", description = "The version",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScoringModelsJson.class),
                    examples = @ExampleObject(name = "version 0", value = ScorecardExamples.MODELS_VERSION)))
    @APIResponse(responseCode = "404", description = "The tenant has no such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown version", value = ScorecardExamples.MODELS_UNKNOWN_VERSION)))
    public Response version(@Parameter(description = "A version number from the history", example = "2",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @PathParam("version") String version)
            throws SQLException {
        UnknownSettingsVersionException unknown = new UnknownSettingsVersionException(version,
                ScoringModelService.RESOURCE);
        State state = service.version(caller.tenant(), VersionSummary.parse(version, unknown)).orElseThrow(() -> unknown);
        return Response.ok(ScoringModelsJson.version(state)).header(HttpHeaders.ETAG, VersionSummary.etag(state.version()))
                .build();
    }
}
