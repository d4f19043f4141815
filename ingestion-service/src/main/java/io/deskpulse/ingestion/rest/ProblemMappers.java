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
        List<Problem.FieldError> errors = e.errors().stream().map(ProblemMappers::fieldError).toList();
        return Problem.of(422, "invalid-events", "Invalid events", e.getMessage(), errors.isEmpty() ? null : errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        metrics.rejected(Rejection.TOO_LARGE, 1);
        // The rest of the body is not read: closing the connection spares the client sending it all.
        return Response.fromResponse(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                "Payload too large", e.getMessage()).toResponse()).header("Connection", "close").build();
    }

    @ServerExceptionMapper
    public Response unsupported(UnsupportedContentTypeException e) {
        metrics.rejected(Rejection.UNSUPPORTED_MEDIA_TYPE, 1);
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage() + " Send one of: " + String.join(", ", IngestContentType.ACCEPTED) + ".").toResponse();
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaUnavailableException e) {
        metrics.rejected(Rejection.KAFKA_UNAVAILABLE, e.events());
        return retryLater(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                "The events could not be written to Kafka: " + e.getMessage() + ". Resend the same request after "
                        + "Retry-After seconds: it is safe, because duplicates are recognised."));
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
