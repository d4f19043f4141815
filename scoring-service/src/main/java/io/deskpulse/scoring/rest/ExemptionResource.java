package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.scoring.service.ExemptionService;
import io.deskpulse.scoring.service.Precondition;
import io.deskpulse.scoring.service.UnknownResourceException;
import io.deskpulse.storage.ExemptionDocument;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
 * Exemption periods (docs/scorecards.md#exemptions): days in which the scorecards of a team, or of every team,
 * use relaxed targets or leave KPIs out, with a reason the scorecards show. Applied when scorecards are read.
 */
@Path(ExemptionService.RESOURCE)
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "exemptions", description = "Periods in which scorecards use relaxed targets or leave KPIs out")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class ExemptionResource {

    private final ExemptionService service;
    private final AdminBodies bodies;
    private final Caller caller;

    public ExemptionResource(ExemptionService service, AdminBodies bodies, Caller caller) {
        this.service = service;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listExemptions", summary = "The tenant's exemptions", description = "All of them, ordered by their first day, then id.")
    @APIResponse(responseCode = "200", description = "The exemptions (empty when there are none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ExemptionDocument.class),
                    examples = @ExampleObject(name = "a product recall", value = "[" + ScorecardExamples.EXEMPTION + "]")))
    public Response list() throws SQLException {
        return Response.ok(service.list(caller.tenant()).stream().map(ExemptionService::document).toList()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createExemption", summary = "Declare an exemption period",
            description = "from..to are local days in the zone a scorecard is reported in. teams null (or left out): "
                    + "every team. At least one relaxed target or left-out KPI. An exemption must not share a day and a "
                    + "team with another one of the tenant (409).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExemptionRequest.class),
            examples = @ExampleObject(name = "a product recall", value = ScorecardExamples.EXEMPTION_BODY)))
    @APIResponse(responseCode = "201", description = "Created; its URL is in Location",
            headers = {
                @Header(name = "Location", description = "/v1/settings/exemptions/<id>", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", description = "\"1\"", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExemptionDocument.class),
                    examples = @ExampleObject(name = "created", value = ScorecardExamples.EXEMPTION)))
    @APIResponse(responseCode = "400", description = "Invalid exemption (every bad field listed), a body that is not JSON, "
            + "or an X-DeskPulse-Actor that is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                        @ExampleObject(name = "invalid exemption", value = ScorecardExamples.EXEMPTION_INVALID),
                        @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)}))
    @APIResponse(responseCode = "409", description = "It would share days and teams with another exemption",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "overlap", value = ScorecardExamples.EXEMPTION_OVERLAP)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    public Response create(String body, @Parameter(description = "Who declares it (at most 200 characters); default: "
            + "key:<fingerprint of the API key>", example = "jane.doe@example.com") @HeaderParam(Actor.HEADER) String actor)
            throws SQLException {
        String by = Actor.of(caller, actor);
        Exemption created = service.create(caller.tenant(), draft(body), by);
        return Response.created(URI.create(ExemptionService.RESOURCE + "/" + created.id()))
                .entity(ExemptionService.document(created)).header(HttpHeaders.ETAG, etag(created)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getExemption", summary = "One exemption")
    @APIResponse(responseCode = "200", description = "The exemption",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExemptionDocument.class),
                    examples = @ExampleObject(name = "a product recall", value = ScorecardExamples.EXEMPTION)))
    @APIResponse(responseCode = "404", description = "The tenant has no such exemption",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ScorecardExamples.EXEMPTION_NOT_FOUND)))
    public Response get(@Parameter(description = "The exemption's id", example = "4") @PathParam("id") String id)
            throws SQLException {
        Exemption exemption = service.find(caller.tenant(), id(id));
        return Response.ok(ExemptionService.document(exemption)).header(HttpHeaders.ETAG, etag(exemption)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceExemption", summary = "Replace an exemption", description = "The whole exemption, as for POST; its version counts up.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExemptionRequest.class),
            examples = @ExampleObject(name = "a day longer", value = ScorecardExamples.EXEMPTION_BODY)))
    @APIResponse(responseCode = "200", description = "Replaced",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExemptionDocument.class),
                    examples = @ExampleObject(name = "replaced", value = ScorecardExamples.EXEMPTION)))
    @APIResponse(responseCode = "400", description = "Invalid exemption, or not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid exemption", value = ScorecardExamples.EXEMPTION_INVALID)))
    @APIResponse(responseCode = "404", description = "The tenant has no such exemption",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ScorecardExamples.EXEMPTION_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "It would share days and teams with another exemption",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "overlap", value = ScorecardExamples.EXEMPTION_OVERLAP)))
    @APIResponse(responseCode = "412", description = "If-Match named another version than the current one",
            headers = @Header(name = "ETag", description = "\"<current version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "changed meanwhile", value = ScorecardExamples.EXEMPTION_CONFLICT)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    public Response replace(@Parameter(description = "The exemption's id", example = "4") @PathParam("id") String id,
            String body,
            @Parameter(description = "\"<version>\": refuse with 412 unless that is still the exemption's version",
                    example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Who changes it (at most 200 characters)", example = "jane.doe@example.com")
            @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        String by = Actor.of(caller, actor);
        long number = id(id);
        Exemption replaced = service.replace(caller.tenant(), number, draft(body), Precondition.ifMatch(ifMatch), by);
        return Response.ok(ExemptionService.document(replaced)).header(HttpHeaders.ETAG, etag(replaced)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteExemption", summary = "Remove an exemption", description = "Live scorecards no longer apply it; period reports made "
            + "while it was in force keep it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The tenant has no such exemption",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ScorecardExamples.EXEMPTION_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match named another version than the current one",
            headers = @Header(name = "ETag", description = "\"<current version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "changed meanwhile", value = ScorecardExamples.EXEMPTION_CONFLICT)))
    public Response delete(@Parameter(description = "The exemption's id", example = "4") @PathParam("id") String id,
            @Parameter(description = "\"<version>\": refuse with 412 unless that is still the exemption's version",
                    example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws SQLException {
        service.delete(caller.tenant(), id(id), Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private Exemption.Draft draft(String body) {
        return bodies.read(body, ExemptionRequest.class, "the exemption", ExemptionRequest.FIELDS).draft();
    }

    private static String etag(Exemption exemption) {
        return "\"" + exemption.version() + "\"";
    }

    /** Ids are numbers; anything else is the same 404 as an id the tenant does not have. */
    static long id(String text) {
        if (text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw new UnknownResourceException("There is no exemption " + text + " (GET " + ExemptionService.RESOURCE
                + " lists them)");
    }
}
