package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.deskpulse.platform.rest.Problem;
import io.deskpulse.scoring.service.ConcurrentSettingsUpdateException;
import io.deskpulse.scoring.service.ConnectorLimitException;
import io.deskpulse.scoring.service.SecretsUnconfiguredException;
import io.deskpulse.scoring.service.FieldError;
import io.deskpulse.scoring.service.InvalidAlertRuleException;
import io.deskpulse.scoring.service.InvalidReportWebhookException;
import io.deskpulse.scoring.service.ReportWebhookLimitException;
import io.deskpulse.scoring.service.InvalidSettingsException;
import io.deskpulse.scoring.service.OverlappingExemptionException;
import io.deskpulse.scoring.service.JobRunningException;
import io.deskpulse.scoring.service.ReconciliationRunningException;
import io.deskpulse.scoring.service.UnknownResourceException;
import io.deskpulse.scoring.service.UnknownSettingsVersionException;
import io.deskpulse.scoring.service.UnreadableSettingsException;
import io.deskpulse.scoring.service.VersionConflictException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of scoring-service's API as an RFC 9457 problem (docs/architecture.md), never a bare 500. */
public class ProblemMappers {

    private static final java.util.regex.Pattern SNAKE = java.util.regex.Pattern.compile("[A-Z]");
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * SQLSTATEs of failures that pass: connection trouble (class 08), lock timeout (55P03), serialization
     * failure and deadlock (40001, 40P01), query cancelled (57014), server shutting down (57P01..57P03).
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "40001", "40P01", "57014", "57P01",
            "57P02", "57P03");

    @ServerExceptionMapper
    public Response invalidSettings(InvalidSettingsException e) {
        return Problem.of(400, "invalid-settings", "Invalid settings", e.getMessage(), fieldErrors(e.errors()))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidAlertRule(InvalidAlertRuleException e) {
        return Problem.of(400, "invalid-alert-rule", "Invalid alert rule", e.getMessage(), fieldErrors(e.errors()))
                .toResponse();
    }

    private static List<Problem.FieldError> fieldErrors(List<FieldError> errors) {
        return errors.stream().map(error -> new Problem.FieldError(null, error.field(), error.reason())).toList();
    }

    @ServerExceptionMapper
    public Response unreadableSettings(UnreadableSettingsException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "unreadable-body", "Unreadable body", e.getMessage())
                .toResponse();
    }

    /**
     * A JSON body that Jackson could not bind (for resources that take an object rather than a document): a field of
     * a typed body with the wrong type or format is invalid (422, the field named, as Bean Validation's errors); JSON
     * that is not an object of the expected shape is unreadable.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        LOG.debug("Unreadable JSON body", e);
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return invalidField(mismatched);
        }
        return Problem.of(Response.Status.BAD_REQUEST, "unreadable-body", "Unreadable body",
                "The body is not the JSON expected: " + e.getOriginalMessage()).toResponse();
    }

    /** A typed body that breaks its Bean Validation constraints: every bad field, named by its JSON name. */
    @ServerExceptionMapper
    public Response invalidBody(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(null, field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing((Problem.FieldError error) -> String.valueOf(error.field()))
                        .thenComparing(Problem.FieldError::reason))
                .toList();
        return invalidRequest(errors);
    }

    /** The same, for the exception that quarkus-rest-jackson otherwise maps itself (a bare 400). */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    private static Response invalidField(MismatchedInputException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Class<?> type = e.getTargetType();
        String reason = type == Instant.class ? "must be an ISO-8601 instant such as 2026-11-02T00:00:00Z"
                : type == Boolean.class || type == boolean.class ? "must be true or false"
                : "must be of type " + (type == null ? "?" : type.getSimpleName());
        if (e instanceof InvalidFormatException invalid) {
            reason += ", got " + invalid.getValue();
        }
        return invalidRequest(List.of(new Problem.FieldError(null, field, reason)));
    }

    private static Response invalidRequest(List<Problem.FieldError> errors) {
        String detail = (errors.size() == 1 ? "1 field is" : errors.size() + " fields are") + " invalid; nothing was started";
        return Problem.of(422, "invalid-request", "Invalid request", detail, errors).toResponse();
    }

    /** The JSON path of a violation: the nodes after the resource method and its parameter. */
    private static String field(jakarta.validation.Path path) {
        List<String> names = new ArrayList<>();
        for (jakarta.validation.Path.Node node : path) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER && node.getName() != null) {
                // Bean Validation names record components; the JSON names are their snake_case forms.
                names.add(SNAKE.matcher(node.getName()).replaceAll(m -> "_" + m.group().toLowerCase()));
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    @ServerExceptionMapper
    public Response jobRunning(JobRunningException e) {
        return Response.fromResponse(Problem.of(Response.Status.CONFLICT, e.kind().type, e.kind().title, e.getMessage())
                .toResponse()).location(java.net.URI.create(e.location())).build();
    }

    @ServerExceptionMapper
    public Response connectorLimit(ConnectorLimitException e) {
        return Problem.of(Response.Status.CONFLICT, "too-many-connectors", "Too many connectors", e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response reportWebhookLimit(ReportWebhookLimitException e) {
        return Problem.of(Response.Status.CONFLICT, "too-many-report-webhooks", "Too many report webhooks", e.getMessage())
                .toResponse();
    }

    /** A report webhook refused for a reason beyond its body's constraints: 422 as they are, the field named. */
    @ServerExceptionMapper
    public Response invalidReportWebhook(InvalidReportWebhookException e) {
        return invalidRequest(fieldErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response secretsUnconfigured(SecretsUnconfiguredException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "secrets-unconfigured", "Secrets not configured",
                e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response reconciliationRunning(ReconciliationRunningException e) {
        return Problem.of(Response.Status.CONFLICT, "reconciliation-running", "Reconciliation running", e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Problem.of(400, "invalid-parameters", "Invalid parameters", "1 parameter is invalid",
                List.of(new Problem.FieldError(null, e.field(), e.reason()))).toResponse();
    }

    @ServerExceptionMapper
    public Response versionConflict(VersionConflictException e) {
        return Response.fromResponse(Problem.of(Response.Status.PRECONDITION_FAILED, "version-conflict",
                "Version conflict", e.getMessage()).toResponse())
                .header(HttpHeaders.ETAG, "\"" + e.currentVersion() + "\"").build();
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(ConcurrentSettingsUpdateException e) {
        return Problem.of(Response.Status.CONFLICT, "concurrent-update", "Concurrent update", e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unknownVersion(UnknownSettingsVersionException e) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownResource(UnknownResourceException e) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response overlappingExemption(OverlappingExemptionException e) {
        return Problem.of(Response.Status.CONFLICT, "overlapping-exemption", "Overlapping exemption", e.getMessage())
                .toResponse();
    }

    /** A resource's own "no such ..." keeps its words; the framework's (no route matched) gets a pointer. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        String message = e.getMessage();
        boolean framework = message == null || message.startsWith("HTTP 404");
        return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found",
                framework ? "No such resource; see /q/openapi for what this service serves" : message).toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        String allowed = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        Response.ResponseBuilder problem = Response.fromResponse(Problem.of(405, "method-not-allowed",
                "Method not allowed", "This resource does not answer that method"
                        + (allowed == null ? "" : "; it answers " + allowed), null).toResponse());
        return (allowed == null ? problem : problem.header(HttpHeaders.ALLOW, allowed)).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return Problem.notAcceptableJson().toResponse();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return Problem.unsupportedJson().toResponse();
    }

    /** Any other HTTP error raised by the framework or a resource keeps its status, as a problem. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader's own wrapping of what Jackson could not bind
            return unreadableJson(json);
        }
        Response original = e.getResponse();
        if (original.getStatus() < 400) {
            return original;
        }
        if (original.getStatus() >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType status = original.getStatusInfo();
        return Problem.of(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase(),
                status.getStatusCode() >= 500 ? "The request failed; the error is logged" : e.getMessage(), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response database(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || TRANSIENT_SQL_STATES.contains(state))) {
            LOG.warnf("Database unavailable or busy (SQLSTATE %s): %s", state, e.getMessage());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                    "Database unavailable", "The database is unavailable or busy; nothing was changed. Try again "
                            + "after Retry-After seconds").toResponse()).header("Retry-After", 1).build();
        }
        return internal(e);
    }

    /** The last resort: a bug. Logged with its stack; the client learns nothing of the internals. */
    @ServerExceptionMapper
    public Response internal(Throwable e) {
        LOG.error("Request failed", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed; the error is logged").toResponse();
    }
}
