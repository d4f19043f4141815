package io.deskpulse.ingestion.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.platform.security.SecurityProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.ingestion.messaging.KafkaUnavailableException;
import io.deskpulse.ingestion.service.EventError;
import io.deskpulse.ingestion.service.InvalidEventsException;
import io.deskpulse.ingestion.service.PayloadTooLargeException;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The examples of {@code POST /v1/events}, built from what the service really sends and reads: each problem example
 * is the {@link Problem} the mappers write for an exception of that kind, and the request examples are one list of
 * events (checked against the contract by a test) given as one event, a batch and NDJSON. NDJSON goes in as text: an
 * annotation example that looks like JSON is parsed as JSON, which would keep only its first line.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class EventsOpenApiFilter implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A ticket's first events, as a helpdesk sends them. */
    static final List<String> EVENTS = List.of(
            "{\"specversion\":\"1.0\",\"id\":\"zd-77812-1\",\"source\":\"zendesk/acme\",\"type\":\"ticket.created\","
                    + "\"time\":\"2026-11-02T09:12:40Z\",\"data\":{\"ticket_id\":\"T-1001\",\"channel\":\"email\","
                    + "\"team_id\":\"t-2\"}}",
            "{\"specversion\":\"1.0\",\"id\":\"zd-77812-2\",\"source\":\"zendesk/acme\",\"type\":\"ticket.assigned\","
                    + "\"time\":\"2026-11-02T09:13:01Z\",\"data\":{\"ticket_id\":\"T-1001\",\"agent_id\":\"a-17\"}}",
            "{\"specversion\":\"1.0\",\"id\":\"zd-77812-3\",\"source\":\"zendesk/acme\",\"type\":\"ticket.message\","
                    + "\"time\":\"2026-11-02T09:14:05Z\",\"data\":{\"ticket_id\":\"T-1001\",\"author\":\"agent\","
                    + "\"agent_id\":\"a-17\",\"public\":true}}",
            "{\"specversion\":\"1.0\",\"id\":\"zd-77812-4\",\"source\":\"zendesk/acme\",\"type\":\"survey.csat\","
                    + "\"time\":\"2026-11-03T10:00:00+01:00\",\"data\":{\"ticket_id\":\"T-1001\",\"score\":5}}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem hooks = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/hooks/{connector_id}");
        if (hooks != null && hooks.getPOST() != null) {
            // No API key: the connector's signature authenticates the delivery. Said explicitly (security: []).
            hooks.getPOST().setSecurity(new java.util.ArrayList<>());
        }
        PathItem events = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/events");
        if (events == null || events.getPOST() == null) {
            return;
        }
        Operation post = events.getPOST();
        if (post.getRequestBody() != null) {
            Content body = post.getRequestBody().getContent();
            example(body.getMediaType(IngestContentType.CLOUDEVENT), "ticket.message", "One event", read(EVENTS.get(2)));
            example(body.getMediaType(IngestContentType.JSON), "ticket.message", "One event", read(EVENTS.get(2)));
            example(body.getMediaType(IngestContentType.BATCH_JSON), "batch", "Two events",
                    read("[" + EVENTS.get(0) + "," + EVENTS.get(1) + "]"));
            example(body.getMediaType(IngestContentType.NDJSON_TYPE), "backfill", "Four events, one per line",
                    String.join("\n", EVENTS) + "\n");
        }
        problem(post, "401", "unauthorized", SecurityProblems.missingKey());
        problem(post, "403", "forbidden", SecurityProblems.lacksScope(Scope.INGEST.label()));
        problem(post, "413", "too many events", ProblemMappers.tooLargeProblem(new PayloadTooLargeException(
                "A batch holds at most 1000 events (deskpulse.ingest.max-batch-events); split it, or send "
                        + "application/x-ndjson.")));
        problem(post, "415", "unsupported", ProblemMappers.unsupportedProblem(UnsupportedContentTypeException.of("text/plain")));
        problem(post, "422", "invalid", ProblemMappers.invalidEventsProblem(new InvalidEventsException(
                "2 of 3 events are invalid; nothing of this request was accepted.", List.of(
                        new EventError(1, "zd-77812-2", "data.channel",
                                "must be one of: email, chat, phone, web, social, messaging, other"),
                        new EventError(2, null, "time", "is required")), 2, 3)));
        problem(post, "503", "kafka unavailable", ProblemMappers.kafkaUnavailableProblem(new KafkaUnavailableException(
                "Kafka did not acknowledge the records within 10 s", null, 3)));
    }

    private static void example(MediaType media, String name, String summary, Object value) {
        if (media != null) {
            media.setExamples(Map.of(name, OASFactory.createExample().summary(summary).value(value)));
        }
    }

    private static void problem(Operation post, String status, String name, Problem problem) {
        APIResponse response = post.getResponses() == null ? null : post.getResponses().getAPIResponse(status);
        if (response != null && response.getContent() != null) {
            example(response.getContent().getMediaType(Problem.MEDIA_TYPE), name, null,
                    JSON.convertValue(problem, Map.class));
        }
    }

    private static Object read(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example of the OpenAPI document is not JSON: " + json, e);
        }
    }
}
