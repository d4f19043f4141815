package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.domain.AlertRule;
import io.deskpulse.scoring.service.AlertRuleService;
import io.deskpulse.scoring.service.InvalidAlertRuleException;
import io.deskpulse.scoring.service.Precondition;
import io.deskpulse.scoring.service.UnknownResourceException;
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
 * Alert rules (docs/alerts.md): thresholds on a metric over a rolling window, per tenant, team or agent, with an
 * optional signed webhook. scoring-service evaluates them as data arrives; reporting-service serves the alerts
 * at GET /v1/alerts.
 */
@Path(AlertRuleService.RESOURCE)
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "alert rules", description = "Threshold alerts on rolling windows, with signed webhooks")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class AlertRuleResource {

    private final AlertRuleService service;
    private final AdminBodies bodies;
    private final Caller caller;

    public AlertRuleResource(AlertRuleService service, AdminBodies bodies, Caller caller) {
        this.service = service;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAlertRules", summary = "The tenant's alert rules", description = "All of them (at most 200), in id order.")
    @APIResponse(responseCode = "200", description = "The rules (empty when there are none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AlertRuleJson.class),
                    examples = @ExampleObject(name = "one rule", value = "[" + AlertRuleExamples.RULE + "]")))
    public Response list() throws SQLException {
        return Response.ok(service.list(caller.tenant()).stream().map(AlertRuleJson::of).toList()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAlertRule", summary = "Create an alert rule", description = "Evaluated from the next evaluation on (within "
            + "deskpulse.alerts.interval of new data, and at least every deskpulse.alerts.refresh).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AlertRuleRequest.class),
            examples = @ExampleObject(name = "slow chat replies of billing", value = AlertRuleExamples.BODY)))
    @APIResponse(responseCode = "201", description = "Created; its URL is in Location",
            headers = {
                @Header(name = "Location", description = "/v1/alert-rules/<id>", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", description = "\"1\"", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertRuleJson.class),
                    examples = @ExampleObject(name = "created", value = AlertRuleExamples.RULE)))
    @APIResponse(responseCode = "400", description = "Invalid rule (every bad field listed), too many rules, a body that "
            + "is not JSON, or an X-DeskPulse-Actor that is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                        @ExampleObject(name = "invalid rule", value = AlertRuleExamples.INVALID),
                        @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)}))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    public Response create(String body, @Parameter(description = "Who creates it (at most 200 characters); default: "
            + "key:<fingerprint of the API key>", example = "jane.doe@example.com") @HeaderParam(Actor.HEADER) String actor)
            throws SQLException {
        String by = Actor.of(caller, actor);
        AlertRule created = service.create(caller.tenant(), draft(body), by);
        return Response.created(URI.create(AlertRuleService.RESOURCE + "/" + created.id()))
                .entity(AlertRuleJson.of(created)).header(HttpHeaders.ETAG, etag(created)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAlertRule", summary = "One alert rule")
    @APIResponse(responseCode = "200", description = "The rule",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertRuleJson.class),
                    examples = @ExampleObject(name = "a rule", value = AlertRuleExamples.RULE)))
    @APIResponse(responseCode = "404", description = "The tenant has no such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = AlertRuleExamples.NOT_FOUND)))
    public Response get(@Parameter(description = "The rule's id", example = "3") @PathParam("id") String id)
            throws SQLException {
        AlertRule rule = service.find(caller.tenant(), id(id));
        return Response.ok(AlertRuleJson.of(rule)).header(HttpHeaders.ETAG, etag(rule)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceAlertRule", summary = "Replace an alert rule", description = "The whole rule, as for POST (a webhook without secret "
            + "keeps the stored one); its version counts up. A new definition (what it watches) resolves its open alerts "
            + "(\"the rule changed\"), and so does disabling it; a new name or webhook keeps them.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AlertRuleRequest.class),
            examples = @ExampleObject(name = "a higher threshold", value = AlertRuleExamples.BODY)))
    @APIResponse(responseCode = "200", description = "Replaced",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertRuleJson.class),
                    examples = @ExampleObject(name = "replaced", value = AlertRuleExamples.RULE)))
    @APIResponse(responseCode = "400", description = "Invalid rule, or not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid rule", value = AlertRuleExamples.INVALID)))
    @APIResponse(responseCode = "404", description = "The tenant has no such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = AlertRuleExamples.NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match named another version than the current one",
            headers = @Header(name = "ETag", description = "\"<current version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "changed meanwhile", value = AlertRuleExamples.CONFLICT)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    public Response replace(@Parameter(description = "The rule's id", example = "3") @PathParam("id") String id, String body,
            @Parameter(description = "\"<version>\": refuse with 412 unless that is still the rule's version",
                    example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Who changes it (at most 200 characters)", example = "jane.doe@example.com")
            @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        String by = Actor.of(caller, actor);
        long number = id(id);
        AlertRule replaced = service.replace(caller.tenant(), number, draft(body), Precondition.ifMatch(ifMatch), by);
        return Response.ok(AlertRuleJson.of(replaced)).header(HttpHeaders.ETAG, etag(replaced)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteAlertRule", summary = "Delete an alert rule", description = "Its open alerts are resolved (reason \"the rule was "
            + "deleted\", no webhook) and its pending webhooks cancelled; its alerts stay in GET /v1/alerts.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "The tenant has no such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = AlertRuleExamples.NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match named another version than the current one",
            headers = @Header(name = "ETag", description = "\"<current version>\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "changed meanwhile", value = AlertRuleExamples.CONFLICT)))
    public Response delete(@Parameter(description = "The rule's id", example = "3") @PathParam("id") String id,
            @Parameter(description = "\"<version>\": refuse with 412 unless that is still the rule's version",
                    example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws SQLException {
        service.delete(caller.tenant(), id(id), Precondition.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The rule's latest webhook deliveries", description = "Up to 100, newest first, each with every "
            + "attempt: when, where, the receiver's status or the error, how long it took.")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookDeliveryJson.class),
                    examples = @ExampleObject(name = "delivered at the second attempt", value = AlertRuleExamples.DELIVERIES)))
    @APIResponse(responseCode = "404", description = "The tenant has no such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = AlertRuleExamples.NOT_FOUND)))
    public Response deliveries(@Parameter(description = "The rule's id", example = "3") @PathParam("id") String id)
            throws SQLException {
        return Response.ok(service.deliveries(caller.tenant(), id(id)).stream().map(WebhookDeliveryJson::of).toList())
                .build();
    }

    private AlertRule.Draft draft(String body) {
        return bodies.read(body, AlertRuleRequest.class, "the alert rule", AlertRuleRequest.FIELDS,
                InvalidAlertRuleException::new).draft();
    }

    private static String etag(AlertRule rule) {
        return "\"" + rule.version() + "\"";
    }

    private static long id(String text) {
        if (text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw new UnknownResourceException("There is no alert rule " + text + " (GET " + AlertRuleService.RESOURCE
                + " lists them)");
    }
}
