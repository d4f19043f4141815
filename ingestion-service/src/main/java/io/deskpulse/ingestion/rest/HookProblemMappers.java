package io.deskpulse.ingestion.rest;

import io.deskpulse.ingestion.config.KafkaConfig;
import io.deskpulse.ingestion.connector.MappingException;
import io.deskpulse.ingestion.service.ConnectorsUnavailableException;
import io.deskpulse.ingestion.service.HookRefusedException;
import io.deskpulse.ingestion.service.UnknownConnectorException;
import io.deskpulse.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The answers of POST /v1/hooks/{connector_id} and of re-maps that are theirs alone, as problems. */
public class HookProblemMappers {

    private final KafkaConfig kafka;

    public HookProblemMappers(KafkaConfig kafka) {
        this.kafka = kafka;
    }

    @ServerExceptionMapper
    public Response unknownConnector(UnknownConnectorException e) {
        return Problem.of(Response.Status.NOT_FOUND, "unknown-connector", "Unknown connector", e.getMessage()).toResponse();
    }

    /** The same words whatever was wrong: naming the part would help someone forging a signature. */
    @ServerExceptionMapper
    public Response refused(HookRefusedException e) {
        return Problem.of(Response.Status.UNAUTHORIZED, "invalid-signature", "Invalid signature", e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unmappable(MappingException e) {
        return Problem.of(422, "unmappable-payload", "Unmappable payload", "The payload is malformed for its platform; "
                + "nothing of it was counted.", List.of(new Problem.FieldError(null, e.field(), e.reason()))).toResponse();
    }

    @ServerExceptionMapper
    public Response unconfigured(ConnectorsUnavailableException e) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "connectors-unavailable",
                "Connectors unavailable", e.getMessage()).toResponse())
                .header("Retry-After", kafka.retryAfter().toSeconds()).build();
    }

    @ServerExceptionMapper
    public Response invalidRemap(InvalidRemapException e) {
        return Problem.of(422, "invalid-request", "Invalid request", "1 field is invalid; nothing was re-mapped",
                List.of(new Problem.FieldError(null, "from", e.getMessage()))).toResponse();
    }
}
