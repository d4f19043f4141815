package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.service.Precondition;
import io.deskpulse.scoring.service.SettingsDocument;
import io.deskpulse.scoring.service.SettingsService;
import io.deskpulse.scoring.service.SettingsService.Saved;
import io.deskpulse.scoring.service.SettingsService.State;
import io.deskpulse.scoring.service.UnknownSettingsVersionException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's settings (docs/settings.md): read them, replace them (a new version, and a recomputation when
 * past numbers change), and their history. The tenant is always the API key's.
 */
@Path("/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "settings", description = "Per-tenant settings that KPIs depend on, versioned")
@SecurityScheme(securitySchemeName = SettingsResource.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key with the 'admin' scope: 'Authorization: Bearer <key>'. The key decides the tenant.")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class SettingsResource {

    static final String SECURITY_SCHEME = "bearer";
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final SettingsService service;
    private final AdminBodies bodies;
    private final Caller caller;

    public SettingsResource(SettingsService service, AdminBodies bodies, Caller caller) {
        this.service = service;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getSettings", summary = "The tenant's settings",
            description = "The latest version with every default filled in; version 0 (the defaults) when never saved.")
    @APIResponse(responseCode = "200", description = "The settings",
            headers = @Header(name = "ETag", description = "\"<version>\": send it back in If-Match to PUT safely",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsJson.Current.class),
                    examples = {
                        @ExampleObject(name = "never saved", value = OpenApiExamples.DEFAULTS),
                        @ExampleObject(name = "recomputing", value = OpenApiExamples.CURRENT)}))
    public Response get() throws SQLException {
        State state = service.current(caller.tenant());
        return Response.ok(SettingsJson.Current.of(state)).header(HttpHeaders.ETAG, VersionSummary.etag(state.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSettings", summary = "Replace the tenant's settings",
            description = "The body is the whole document: a field left out (or null) takes its default; unknown fields "
                    + "are refused, the read-only fields of a GET answer (version, changed_at, ...) ignored. A change is "
                    + "a new version; a change that can alter past numbers (anything but time_zone, and time_zone too "
                    + "when business hours take their zone from it) also starts a recomputation, in the same transaction. "
                    + "A document that changes nothing creates no version. PUTs of a tenant are serialised.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettingsDocument.class),
            examples = {
                @ExampleObject(name = "full document", value = OpenApiExamples.DOCUMENT),
                @ExampleObject(name = "only a pass mark (the rest: defaults)", value = "{\"qa_pass_mark\": 75}")}))
    @APIResponse(responseCode = "200", description = "Saved (or nothing changed: the current version)",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsJson.Saved.class),
                    examples = @ExampleObject(name = "a new version and its recomputation", value = OpenApiExamples.SAVED)))
    @APIResponse(responseCode = "400", description = "Invalid settings (every bad field listed, by path), a body that is "
            + "not JSON, or an X-DeskPulse-Actor that is too long",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = {
                        @ExampleObject(name = "invalid settings", value = OpenApiExamples.INVALID_SETTINGS),
                        @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY),
                        @ExampleObject(name = "actor too long", value = OpenApiExamples.INVALID_ACTOR)}))
    @APIResponse(responseCode = "409", description = "The next version was taken twice by writers that bypass the API; "
            + "nothing was saved: GET and try again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "concurrent update", value = OpenApiExamples.CONCURRENT_UPDATE)))
    @APIResponse(responseCode = "412", description = "If-Match named another version than the current one (its ETag is in "
            + "the answer's ETag header); nothing was saved",
            headers = @Header(name = "ETag", description = "\"<current version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "changed meanwhile", value = OpenApiExamples.VERSION_CONFLICT)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    public Response put(String body,
            @Parameter(description = "\"<version>\" (the ETag of a GET): refuse with 412 unless that is still the "
                    + "current version", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Who makes the change, recorded as changed_by (at most 200 characters); default: "
                    + "key:<fingerprint of the API key>", example = "jane.doe@example.com")
            @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        String changedBy = Actor.of(caller, actor);
        Precondition precondition = Precondition.ifMatch(ifMatch);
        SettingsDocument wanted = bodies.read(body, SettingsDocument.class, "the settings document", SettingsDocument.FIELDS);
        Saved saved = service.save(caller.tenant(), wanted.toSettings(), precondition, changedBy);
        return Response.ok(SettingsJson.Saved.of(saved)).header(HttpHeaders.ETAG, VersionSummary.etag(saved.state().version()))
                .build();
    }

    @GET
    @Path("/versions")
    @Operation(operationId = "listSettingsVersions", summary = "The history of the tenant's settings", description = "Every saved version, newest first.")
    @APIResponse(responseCode = "200", description = "The versions (empty when never saved)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = VersionSummary.class),
                    examples = @ExampleObject(name = "two versions", value = OpenApiExamples.HISTORY)))
    public Response versions() throws SQLException {
        return Response.ok(VersionSummary.history(service.history(caller.tenant()))).build();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(operationId = "getSettingsVersion", summary = "One version of the tenant's settings", description = "Its whole effective document; "
            + "version 0 is the defaults.")
    @APIResponse(responseCode = "200", description = "The version",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsJson.Version.class),
                    examples = @ExampleObject(name = "version 2", value = OpenApiExamples.VERSION)))
    @APIResponse(responseCode = "404", description = "The tenant has no such version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown version", value = OpenApiExamples.UNKNOWN_VERSION)))
    public Response version(@Parameter(description = "A version number from the history", example = "2",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @PathParam("version") String version)
            throws SQLException {
        // Taken as text so that "abc" or "-1" is the same clear 404 as a version that does not exist.
        UnknownSettingsVersionException unknown = new UnknownSettingsVersionException(version);
        State state = service.version(caller.tenant(), VersionSummary.parse(version, unknown)).orElseThrow(() -> unknown);
        return Response.ok(SettingsJson.Version.of(state)).header(HttpHeaders.ETAG, VersionSummary.etag(state.version())).build();
    }
}
