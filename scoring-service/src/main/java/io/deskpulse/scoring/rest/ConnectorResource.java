package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.scoring.domain.Connector;
import io.deskpulse.scoring.service.Connectors;
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
import java.time.Duration;
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
 * Helpdesk connectors (docs/connectors.md): a tenant connects Zendesk, Chatwoot, Freshdesk, Intercom or Zammad by
 * pasting the answered URL and secret into the helpdesk's webhook settings; ingestion-service takes the webhooks at
 * POST /v1/hooks/{connector_id}. Changes reach every ingestion instance within seconds.
 */
@Path(Connectors.RESOURCE)
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
@Tag(name = "connectors", description = "Helpdesks connected by their own webhooks")
@SecurityRequirement(name = SettingsResource.SECURITY_SCHEME)
public class ConnectorResource {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("cn_[0-9a-f]{32}");

    private final Connectors connectors;
    private final Caller caller;

    public ConnectorResource(Connectors connectors, Caller caller) {
        this.connectors = connectors;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createConnector", summary = "Connect a helpdesk",
            description = "Answers the webhook URL to paste into the helpdesk and the secret, shown this once. Its "
                    + "webhooks are taken within seconds on every ingestion instance.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConnectorRequests.Create.class),
            examples = {
                @ExampleObject(name = "chatwoot", value = ConnectorExamples.CREATE),
                @ExampleObject(name = "freshdesk with a header", value = ConnectorExamples.CREATE_FRESHDESK)}))
    @APIResponse(responseCode = "201", description = "Created; its URL is in Location",
            headers = @Header(name = "Location", description = "/v1/connectors/<id>", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectorJson.WithSecret.class),
                    examples = @ExampleObject(name = "created", value = ConnectorExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON, or an X-DeskPulse-Actor that is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "409", description = "The tenant has as many connectors as it may",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text/plain", value = OpenApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @APIResponse(responseCode = "422", description = "Invalid request: every bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ConnectorExamples.INVALID)))
    @APIResponse(responseCode = "503", description = "deskpulse.secrets.encryption-key is not set: secrets cannot be stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Valid @NotNull(message = "is required: a JSON object with platform and name") ConnectorRequests.Create body,
            @Parameter(description = "Who creates it (at most 200 characters); default: key:<fingerprint of the API key>",
                    example = "jane.doe@example.com") @HeaderParam(Actor.HEADER) String actor) throws SQLException {
        Connectors.WithSecret created = connectors.create(caller.tenant(), body.platform(), body.name().strip(),
                body.storedOptions(), body.secret(), Actor.of(caller, actor));
        return Response.created(URI.create(Connectors.RESOURCE + "/" + created.connector().id()))
                .entity(withSecret(created)).build();
    }

    @GET
    @Operation(operationId = "listConnectors", summary = "The tenant's connectors",
            description = "All of them (at most 200), oldest first, disabled ones too; never their secrets.")
    @APIResponse(responseCode = "200", description = "The connectors (empty when there are none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ConnectorJson.class),
                    examples = @ExampleObject(name = "one connector", value = "[" + ConnectorExamples.CONNECTOR + "]")))
    public List<ConnectorJson> list() throws SQLException {
        return connectors.list(caller.tenant()).stream().map(this::json).toList();
    }

    @GET
    @Path("/{connector_id}")
    @Operation(operationId = "getConnector", summary = "One connector, without its secret")
    @APIResponse(responseCode = "200", description = "The connector",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorJson.class),
                    examples = @ExampleObject(name = "a connector", value = ConnectorExamples.CONNECTOR)))
    @APIResponse(responseCode = "404", description = "The tenant has no such connector",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ConnectorExamples.NOT_FOUND)))
    public ConnectorJson get(@Parameter(description = "The connector's id", example = "cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12")
            @PathParam("connector_id") String id) throws SQLException {
        return json(connectors.find(caller.tenant(), id(id)));
    }

    @POST
    @Path("/{connector_id}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateConnectorSecret", summary = "Replace the connector's secret",
            description = "The new secret (sent, or generated) is answered this once. The current one stays valid for "
                    + "grace_period_s (default 24 h), so deliveries the platform signed before it switched still pass; "
                    + "a secret older than that is dropped. The body may be empty or {}.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConnectorRequests.Rotate.class),
            examples = @ExampleObject(name = "an hour of grace", value = ConnectorExamples.ROTATE)))
    @APIResponse(responseCode = "200", description = "Rotated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectorJson.WithSecret.class),
                    examples = @ExampleObject(name = "rotated", value = ConnectorExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = OpenApiExamples.UNREADABLE_BODY)))
    @APIResponse(responseCode = "404", description = "The tenant has no such connector",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ConnectorExamples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "Invalid request: every bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rotate(@Parameter(description = "The connector's id", example = "cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12")
            @PathParam("connector_id") String id, @Valid ConnectorRequests.Rotate body) throws SQLException {
        Duration grace = body == null || body.gracePeriodS() == null ? null : Duration.ofSeconds(body.gracePeriodS());
        return Response.ok(withSecret(connectors.rotate(caller.tenant(), id(id), body == null ? null : body.secret(),
                grace))).build();
    }

    @POST
    @Path("/{connector_id}/disable")
    @Operation(operationId = "disableConnector", summary = "Stop taking the connector's webhooks",
            description = "Its webhooks are answered 404 within seconds on every ingestion instance; it keeps its id and "
                    + "stays listed. Disabling again changes nothing.")
    @APIResponse(responseCode = "200", description = "Disabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorJson.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such connector",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ConnectorExamples.NOT_FOUND)))
    public ConnectorJson disable(@Parameter(description = "The connector's id", example = "cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12")
            @PathParam("connector_id") String id) throws SQLException {
        return json(connectors.disable(caller.tenant(), id(id)));
    }

    private ConnectorJson json(Connector connector) {
        return ConnectorJson.of(connector, connectors.webhookUrl(connector.id()));
    }

    private ConnectorJson.WithSecret withSecret(Connectors.WithSecret created) {
        return new ConnectorJson.WithSecret(json(created.connector()), created.secret());
    }

    private static String id(String text) {
        if (ID.matcher(text).matches()) {
            return text;
        }
        throw new UnknownResourceException("This tenant has no connector " + text + " (GET " + Connectors.RESOURCE
                + " lists them).");
    }
}
