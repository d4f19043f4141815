package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.FieldErrors;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/reconciliations}. Fields it does not know are refused, each named. */
@Schema(name = "ReconciliationRequest", description = "What to reconcile: a range of at most 400 days, and whether "
        + "to repair what differs")
@CheckedDocument.Valid
public record ReconciliationRequest(
        @NotNull(message = REQUIRED_INSTANT)
        @Schema(required = true, description = "Start of the range (inclusive): an ISO-8601 instant. Every UTC hour "
                + "that overlaps the range is checked", example = "2026-11-02T00:00:00Z") Instant from,
        @NotNull(message = REQUIRED_INSTANT)
        @Schema(required = true, description = "End of the range (exclusive): after 'from', at most 400 days later",
                example = "2026-11-04T00:00:00Z") Instant to,
        @Schema(description = "Apply the corrections: add to every row that differs what it lacks (or holds too "
                + "much), as deltas that keep whatever batches add meanwhile", defaultValue = "false") Boolean repair,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

    static final String REQUIRED_INSTANT = "is required: an ISO-8601 instant such as 2026-11-02T00:00:00Z";
    static final Duration LONGEST = Duration.ofDays(400);
    static final String FIELDS = "from, to, repair";
    /** Instants PostgreSQL and every zone's calendar take. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public boolean repairs() {
        return Boolean.TRUE.equals(repair);
    }

    /** The checks across fields: 'to' after 'from' and at most {@link #LONGEST} later, no unknown field. */
    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        errors.unknown(unknownFields, "", "is not a field of a reconciliation request; they are " + FIELDS);
        for (String field : List.of("from", "to")) {
            Instant at = field.equals("from") ? from : to;
            if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
                errors.add(field, "must be between " + EARLIEST + " and " + LATEST);
            }
        }
        if (!errors.any() && from != null && to != null) {
            if (!to.isAfter(from)) {
                errors.add("to", "must be after from (" + from + ")");
            } else if (Duration.between(from, to).compareTo(LONGEST) > 0) {
                errors.add("to", "must be at most " + LONGEST.toDays() + " days after from ("
                        + from + "); reconcile a longer range in parts");
            }
        }
        return errors;
    }
}
