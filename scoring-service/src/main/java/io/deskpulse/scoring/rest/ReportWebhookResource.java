package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.service.ReportWebhooks;
import io.deskpulse.scoring.service.UnknownResourceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * Report webhooks (docs/report-webhooks.md): when a period report is made, it is posted, signed, to each enabled webhook
 * of the tenant that takes its length, with links to the report and its scorecards on the reporting API.
 */
@Path(ReportWebhooks.RESOURCE)
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "report-webhooks", description = "Period reports posted to chat tools, mail gateways or any receiver")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class ReportWebhookResource {

    private final ReportWebhooks webhooks;
    private final Caller caller;

    public ReportWebhookResource(ReportWebhooks webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReportWebhook", summary = "Post period reports to a URL",
            description = "Every period report of the chosen lengths made from now on is posted to the URL, signed with "
                    + "the secret answered here (shown this once). Reports made before are not posted.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportWebhookRequests.Create.class),
            examples = @ExampleObject(name = "weekly and monthly", value = ReportWebhookExamples.CREATE)))
    @APIResponse(responseCode = "201", description = "Created; its URL is in Location",
            headers = @Header(name = "Location", description = "/v1/report-webhooks/<id>",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportWebhookJson.WithSecret.class),
                    examples = @ExampleObject(name = "created", value = ReportWebhookExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON, or an X-DeskPulse-Actor that is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "409", description = "The tenant has as many report webhooks as it may",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = ReportWebhookExamples.TOO_MANY)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "Invalid request, or a URL of an internal network: every bad field "
            + "named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ReportWebhookExamples.INVALID)))
    public Response create(
            @Valid @NotNull(message = "is required: a JSON object with name and url") ReportWebhookRequests.Create body,
            @Parameter(description = "Who creates it (at most 200 characters); default: key:<fingerprint of the API key>",
                    example = "jane.doe@example.com") @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        ReportWebhooks.WithSecret created = webhooks.create(caller.tenant(), body.name().strip(), body.url(),
                body.lengths(), body.secret(), Actor.of(caller, actor));
        return Response.created(URI.create(ReportWebhooks.RESOURCE + "/" + created.webhook().id()))
                .entity(withSecret(created)).build();
    }

    @GET
    @Operation(operationId = "listReportWebhooks", summary = "The tenant's report webhooks",
            description = "All of them (at most 200), oldest first, disabled ones too; never their secrets.")
    @APIResponse(responseCode = "200", description = "The webhooks (empty when there are none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReportWebhookJson.class),
                    examples = @ExampleObject(name = "one webhook", value = "[" + ReportWebhookExamples.WEBHOOK + "]")))
    public List<ReportWebhookJson> list() throws SQLException {
        return webhooks.list(caller.tenant()).stream().map(ReportWebhookJson::of).toList();
    }

    @GET
    @Path("/{webhook_id}")
    @Operation(operationId = "getReportWebhook", summary = "One report webhook, without its secret")
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportWebhookJson.class),
                    examples = @ExampleObject(name = "a webhook", value = ReportWebhookExamples.WEBHOOK)))
    @APIResponse(responseCode = "404", description = "The tenant has no such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ReportWebhookExamples.NOT_FOUND)))
    public ReportWebhookJson get(@Parameter(description = "The webhook's id", example = "7")
            @PathParam("webhook_id") String id) throws SQLException {
        return ReportWebhookJson.of(webhooks.find(caller.tenant(), id(id)));
    }

    @POST
    @Path("/{webhook_id}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateReportWebhookSecret", summary = "Replace the webhook's secret",
            description = "The new secret (sent, or generated) is answered this once; every attempt from now on, of "
                    + "pending deliveries too, is signed with it. The body may be empty or {}.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportWebhookRequests.Rotate.class),
            examples = @ExampleObject(name = "generated", value = "{}")))
    @APIResponse(responseCode = "200", description = "Rotated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportWebhookJson.WithSecret.class),
                    examples = @ExampleObject(name = "rotated", value = ReportWebhookExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "404", description = "The tenant has no such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ReportWebhookExamples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "Invalid request: every bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "short secret", value = ReportWebhookExamples.INVALID_SECRET)))
    public Response rotate(@Parameter(description = "The webhook's id", example = "7") @PathParam("webhook_id") String id,
            @Valid ReportWebhookRequests.Rotate body) throws SQLException {
        return Response.ok(withSecret(webhooks.rotate(caller.tenant(), id(id), body == null ? null : body.secret())))
                .build();
    }

    @POST
    @Path("/{webhook_id}/disable")
    @Operation(operationId = "disableReportWebhook", summary = "Stop posting reports to the webhook",
            description = "No report made from now on is posted to it, and its pending deliveries are cancelled; it "
                    + "keeps its id, its deliveries and stays listed. Disabling again changes nothing.")
    @APIResponse(responseCode = "200", description = "Disabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportWebhookJson.class),
                    examples = @ExampleObject(name = "disabled", value = ReportWebhookExamples.DISABLED)))
    @APIResponse(responseCode = "404", description = "The tenant has no such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ReportWebhookExamples.NOT_FOUND)))
    public ReportWebhookJson disable(@Parameter(description = "The webhook's id", example = "7")
            @PathParam("webhook_id") String id) throws SQLException {
        return ReportWebhookJson.of(webhooks.disable(caller.tenant(), id(id)));
    }

    @GET
    @Path("/{webhook_id}/deliveries")
    @Operation(operationId = "listReportWebhookDeliveries", summary = "The webhook's latest deliveries",
            description = "Up to 100, newest first, each with every attempt: when, where, the receiver's status or the "
                    + "error, how long it took.")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReportWebhookJson.Delivery.class),
                    examples = @ExampleObject(name = "delivered at the second attempt",
                            value = ReportWebhookExamples.DELIVERIES)))
    @APIResponse(responseCode = "404", description = "The tenant has no such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ReportWebhookExamples.NOT_FOUND)))
    public List<ReportWebhookJson.Delivery> deliveries(@Parameter(description = "The webhook's id", example = "7")
            @PathParam("webhook_id") String id) throws SQLException {
        return webhooks.deliveries(caller.tenant(), id(id)).stream().map(ReportWebhookJson.Delivery::of).toList();
    }

    private ReportWebhookJson.WithSecret withSecret(ReportWebhooks.WithSecret created) {
        return new ReportWebhookJson.WithSecret(ReportWebhookJson.of(created.webhook()), created.secret());
    }

    private static long id(String text) {
        if (text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw new UnknownResourceException("This tenant has no report webhook " + text + " (GET "
                + ReportWebhooks.RESOURCE + " lists them).");
    }
}
