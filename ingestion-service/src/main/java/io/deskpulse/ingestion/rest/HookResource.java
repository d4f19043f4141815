package io.deskpulse.ingestion.rest;

import io.deskpulse.ingestion.config.ConnectorConfig;
import io.deskpulse.ingestion.service.HookService;
import io.deskpulse.ingestion.service.KnownConnector;
import io.deskpulse.ingestion.service.PayloadTooLargeException;
import io.deskpulse.platform.limits.RateLimitFilter;
import io.deskpulse.platform.limits.RateLimiter;
import io.deskpulse.platform.limits.TokenBuckets.Decision;
import io.deskpulse.platform.rest.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/hooks/{connector_id}}: a helpdesk's own webhooks (docs/connectors.md). No API key: the connector's
 * signature or credentials authenticate the delivery, and its unguessable id says whose it is. The body is read here
 * whatever its type, since the platforms' payloads (Freshdesk's in particular) are not always declared JSON.
 */
@Path("/v1/hooks/{connector_id}")
@Tag(name = "hooks", description = "Native webhooks of Zendesk, Chatwoot, Freshdesk, Intercom and Zammad")
public class HookResource {

    private final HookService service;
    private final RateLimiter limiter;
    private final ConnectorConfig config;

    public HookResource(HookService service, RateLimiter limiter, ConnectorConfig config) {
        this.service = service;
        this.limiter = limiter;
        this.config = config;
    }

    /** The answer: what the delivery came to. */
    @Schema(name = "HookResult", requiredProperties = {"accepted", "duplicates", "ignored"})
    public record HookResult(
            @Schema(description = "Canonical events written to Kafka and acknowledged", example = "1") long accepted,
            @Schema(description = "Canonical events already sent (a retried delivery), not written again", example = "0")
            long duplicates,
            @Schema(description = "What of the delivery is not counted, and why (an event type DeskPulse does not use)",
                    example = "[]") List<String> ignored) {
    }

    @POST
    // Authenticated by the connector's signature, not by an API key: ScopedEndpoints reads this to check that the
    // operation still refuses a request that carries no credential of its own.
    @Extension(name = "x-deskpulse-authentication", value = "connector-signature")
    @Blocking
    @Operation(operationId = "receiveHook", summary = "Take a helpdesk's webhook delivery",
            description = "The URL a connector's creation answered (scoring-service, POST /v1/connectors). The delivery "
                    + "is verified by its platform's scheme (Zendesk, Chatwoot: HMAC-SHA256 with a timestamp within 5 "
                    + "minutes; Intercom, Zammad: X-Hub-Signature HMAC-SHA1; Freshdesk: HTTP Basic or "
                    + "X-DeskPulse-Secret), kept whole on the raw topic, then mapped to canonical events that take the "
                    + "path of POST /v1/events: validated, deduplicated (a retried delivery maps to the same ids), all or "
                    + "nothing, answered once Kafka acknowledged them. A delivery with nothing DeskPulse counts is "
                    + "answered 202 with what was ignored, since platforms switch off webhooks that keep failing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The platform's payload, as it sends it")))
    @APIResponse(responseCode = "202", description = "Taken: its canonical events are in Kafka (or were already)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HookResult.class),
                    examples = {
                        @ExampleObject(name = "a reply", value = "{\"accepted\": 1, \"duplicates\": 0, \"ignored\": []}"),
                        @ExampleObject(name = "nothing counted", value = "{\"accepted\": 0, \"duplicates\": 0, "
                                + "\"ignored\": [\"event contact_created: not a KPI fact\"]}")}))
    @APIResponse(responseCode = "400", description = "The body could not be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The signature or credentials are not valid (which part is not said)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No active connector has this id (unknown or disabled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than deskpulse.connectors.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The payload is malformed for its platform (the field named), or "
            + "maps to events that are invalid; nothing was counted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The connector's tenant is over its rate limit",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka is down or did not acknowledge in time, or this instance "
            + "has no encryption key to read connector secrets; resend after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(
            @Parameter(description = "The connector's id, from its webhook URL", example = "cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12")
            @PathParam("connector_id") String connectorId,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @Context HttpHeaders headers, InputStream body) {
        KnownConnector connector = service.connector(connectorId);
        if (limiter.enabled()) {
            Decision decision = limiter.take(connector.tenant());
            if (!decision.allowed()) {
                return Response.fromResponse(RateLimitFilter.tooManyRequests(decision.retryAfterSeconds()).toResponse())
                        .header("Retry-After", decision.retryAfterSeconds()).build();
            }
        }
        long limit = config.maxBodySize().asLongValue();
        if (contentLength != null && contentLength > limit) {
            throw new PayloadTooLargeException("The webhook body is larger than " + limit
                    + " bytes (deskpulse.connectors.max-body-size).");
        }
        Map<String, String> first = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        HookService.HookOutcome outcome = service.accept(connector, first, body);
        return Response.accepted(new HookResult(outcome.accepted(), outcome.duplicates(), outcome.ignored()))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
