package io.deskpulse.ingestion.rest;

import io.deskpulse.ingestion.config.KafkaConfig;
import io.deskpulse.ingestion.messaging.KafkaUnavailableException;
import io.deskpulse.ingestion.service.EventError;
import io.deskpulse.ingestion.service.IngestMetrics;
import io.deskpulse.ingestion.service.IngestMetrics.Rejection;
import io.deskpulse.ingestion.service.InvalidEventsException;
import io.deskpulse.ingestion.service.PayloadTooLargeException;
import io.deskpulse.ingestion.service.UnreadableBodyException;
import io.deskpulse.platform.rest.Problem;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal of {@code POST /v1/events} as an RFC 9457 problem, counted by reason. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final IngestMetrics metrics;
    private final KafkaConfig kafka;

    public ProblemMappers(IngestMetrics metrics, KafkaConfig kafka) {
        this.metrics = metrics;
        this.kafka = kafka;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidEventsException e) {
        metrics.rejected(Rejection.INVALID, e.events());
        return invalidEventsProblem(e).toResponse();
    }

    static Problem invalidEventsProblem(InvalidEventsException e) {
        List<Problem.FieldError> errors = e.errors().stream().map(ProblemMappers::fieldError).toList();
        return Problem.of(422, "invalid-events", "Invalid events", e.getMessage(), errors.isEmpty() ? null : errors);
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        metrics.rejected(Rejection.TOO_LARGE, 1);
        // The rest of the body is not read: closing the connection spares the client sending it all.
        return Response.fromResponse(tooLargeProblem(e).toResponse()).header("Connection", "close").build();
    }

    static Problem tooLargeProblem(PayloadTooLargeException e) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload too large",
                e.getMessage());
    }

    @ServerExceptionMapper
    public Response unsupported(UnsupportedContentTypeException e) {
        metrics.rejected(Rejection.UNSUPPORTED_MEDIA_TYPE, 1);
        return unsupportedProblem(e).toResponse();
    }

    /** The framework's 415 for a resource that takes JSON only (re-maps); /v1/events decides its types itself. */
    @ServerExceptionMapper
    public Response unsupportedJson(NotSupportedException e) {
        return Problem.unsupportedJson().toResponse();
    }

    /** The framework's 406 for a resource that answers JSON only (re-maps), when Accept wants something else. */
    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return Problem.notAcceptableJson().toResponse();
    }

    static Problem unsupportedProblem(UnsupportedContentTypeException e) {
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage() + " Send one of: " + String.join(", ", IngestContentType.ACCEPTED) + ".");
    }

    /**
     * The client learns that nothing was accepted and when to resend, not the Kafka client's exception text
     * (broker addresses, internal names): that goes to the log, where the publisher wrote it.
     */
    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaUnavailableException e) {
        metrics.rejected(Rejection.KAFKA_UNAVAILABLE, e.events());
        Response response = retryLater(kafkaUnavailableProblem(e));
        // Refused before the body was read: closing spares the client sending the rest of it (a backfill).
        return e.knownDown() && e.events() == 0
                ? Response.fromResponse(response).header("Connection", "close").build()
                : response;
    }

    static Problem kafkaUnavailableProblem(KafkaUnavailableException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                (e.knownDown()
                        ? "Kafka is unavailable; nothing of this request was accepted."
                        : "Kafka did not acknowledge the events in time; nothing of this request counts as accepted.")
                        + " Resend the same request after Retry-After seconds: it is safe, because duplicates are "
                        + "recognised.");
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableBodyException e) {
        metrics.rejected(Rejection.UNREADABLE, 1);
        LOG.debug("Request body unreadable", e);
        return Problem.of(Response.Status.BAD_REQUEST, "unreadable-body", "Unreadable body", e.getMessage())
                .toResponse();
    }

    /** The NDJSON spool file could not be written (disk full, directory missing): the server's fault. */
    @ServerExceptionMapper
    public Response spoolFailed(UncheckedIOException e) {
        metrics.rejected(Rejection.SPOOL_FAILURE, 1);
        LOG.error("NDJSON spool failure", e);
        return retryLater(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "temporarily-unavailable",
                "Temporarily unavailable", "The body could not be staged for sending; nothing was accepted. "
                        + "Resend it after Retry-After seconds."));
    }

    private Response retryLater(Problem problem) {
        long seconds = Math.max(1, (kafka.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(problem.toResponse()).header("Retry-After", seconds).build();
    }

    private static Problem.FieldError fieldError(EventError error) {
        return new Problem.FieldError(error.index(), error.id(), error.field(), error.reason());
    }
}
