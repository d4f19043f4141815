package io.deskpulse.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem details body; {@code errors} lists every bad field with its reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://deskpulse.io/problems/";

    /**
     * One bad field: {@code index} is the event's position in a multi-event request, else null; {@code id}
     * the event's own id when it has one (so a sender can find it without counting); {@code field} null
     * when the whole event (or body) is wrong.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer index, String id, String field, String reason) {

        public FieldError(Integer index, String field, String reason) {
            this(index, null, field, reason);
        }
    }

    public static Problem of(Response.Status status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status.getStatusCode(), detail, null);
    }

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The framework's 406 for a resource that answers JSON only, in every service's words. */
    public static Problem notAcceptableJson() {
        return of(Response.Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This resource answers application/json only");
    }

    /** The framework's 415 for a resource that takes JSON bodies only, in every service's words. */
    public static Problem unsupportedJson() {
        return of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the body as 'Content-Type: application/json'");
    }
}
