package io.deskpulse.ingestion.rest;

import io.deskpulse.ingestion.config.IngestConfig;
import io.deskpulse.ingestion.service.BinaryModeEvent;
import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.ingestion.service.IngestResult;
import io.deskpulse.ingestion.service.IngestService;
import io.deskpulse.ingestion.service.PayloadTooLargeException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/events}. The body is taken as a raw stream on a worker thread (never buffered whole by
 * the framework) and the Content-Type is checked here rather than with {@code @Consumes}, so that an
 * unauthenticated request gets its 401 first and a wrong type gets a problem+json 415.
 */
@Path("/v1/events")
@RequiresScope(Scope.INGEST)
@Tag(name = "events", description = "Helpdesk events in, to Kafka")
@SecurityRequirement(name = IngestionApi.BEARER)
public class EventsResource {

    private final IngestService service;
    private final Caller caller;
    private final IngestConfig config;

    public EventsResource(IngestService service, Caller caller, IngestConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Blocking
    @Operation(operationId = "sendEvents", summary = "Send events", description = "One event, a batch (JSON array) or NDJSON. All or nothing: "
            + "any invalid event refuses the whole request. 202 only once Kafka acknowledged every record. "
            + "CloudEvents binary content mode too: application/json (or a +json type) with the attributes in ce-* "
            + "headers (ce-specversion, ce-id, ce-source, ce-type, ce-time; percent-encoded) and the data as the body.")
    @RequestBody(required = true, content = {
        @Content(mediaType = IngestContentType.CLOUDEVENT, schema = @Schema(type = SchemaType.OBJECT,
                description = "One CloudEvent, see contract/deskpulse-events-v1.schema.json")),
        @Content(mediaType = IngestContentType.JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = IngestContentType.BATCH_JSON, schema = @Schema(type = SchemaType.ARRAY,
                description = "At most deskpulse.ingest.max-batch-events (1000) CloudEvents")),
        @Content(mediaType = IngestContentType.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING,
                description = "One CloudEvent per line; blank lines are ignored; streamed, for backfills"))})
    @APIResponse(responseCode = "202", description = "Every event is written to Kafka (acks=all) or was a duplicate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown one",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The API key lacks the ingest scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body or batch larger than the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not one of the accepted ones",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid events (or malformed JSON), each listed; nothing accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The tenant is over its rate limit, or already runs its NDJSON "
            + "uploads; resend after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka is down or did not acknowledge in time, or the instance's "
            + "NDJSON uploads are at their cap or spool budget; nothing accepted, resend after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingest(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @Context HttpHeaders headers, InputStream body) {
        IngestContentType kind = IngestContentType.of(contentType);
        // Binary mode: the attributes in ce-* headers; a structured, batch or NDJSON body names its own (and wins).
        boolean binary = !IngestContentType.isStructured(contentType) && BinaryModeEvent.applies(headers.getRequestHeaders());
        if (binary && !BinaryModeEvent.isJsonData(contentType)) {
            throw UnsupportedContentTypeException.binaryData(contentType);
        }
        if (binary) {
            kind = IngestContentType.SINGLE;
        }
        if (kind == null) {
            throw UnsupportedContentTypeException.of(contentType);
        }
        long limit = (kind == IngestContentType.NDJSON ? config.maxNdjsonSize() : config.maxBodySize()).asLongValue();
        if (contentLength != null && contentLength > limit) {
            throw new PayloadTooLargeException("The body is larger than " + limit + " bytes (deskpulse.ingest."
                    + (kind == IngestContentType.NDJSON ? "max-ndjson-size" : "max-body-size") + ")."
                    + (kind == IngestContentType.NDJSON ? "" : " Send large volumes as application/x-ndjson."));
        }
        String tenant = caller.tenant();
        IngestResult result = binary ? service.ingestBinary(tenant, headers.getRequestHeaders(), contentType, body)
                : switch (kind) {
            case SINGLE -> service.ingestSingle(tenant, body);
            case BATCH -> service.ingestBatch(tenant, body);
            case NDJSON -> service.ingestNdjson(tenant, body);
        };
        return Response.accepted(result).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
