package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.ingestion.messaging.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one request as they are read: each is validated, checked for a repeat, normalised and
 * handed to the sink. Once one event is invalid nothing more is normalised (the request will be refused),
 * but every event is still validated so that the answer lists all of them.
 */
final class IngestRequest {

    static final String TENANT_ATTRIBUTE = "deskpulsetenant";

    private final String tenant;
    private final EventValidator validator;
    private final RecordValues values;
    private final RecentIdentities recent;
    private final IdentityWindow identities;
    private final RecordSink sink;
    private final int maxListedErrors;
    private final long maxEventSize;
    private final List<EventError> errors = new ArrayList<>();
    private long events;
    private long invalidEvents;
    private long duplicates;
    private boolean errorsTruncated;

    IngestRequest(String tenant, Services services, IdentityWindow identities, RecordSink sink) {
        this.tenant = tenant;
        this.validator = services.validator();
        this.values = new RecordValues(services.mapper(), tenant);
        this.recent = services.recent();
        this.maxListedErrors = services.maxListedErrors();
        this.maxEventSize = services.maxEventSize();
        this.identities = identities;
        this.sink = sink;
    }

    /** What every request shares: the validator, the mapper, the recent identities and the limits. */
    record Services(EventValidator validator, ObjectMapper mapper, RecentIdentities recent, int maxListedErrors,
            long maxEventSize) {
    }

    /**
     * One parsed event, with the UTF-8 bytes it was parsed from ({@code original[from, to)}), or null for
     * {@code original} when the reader has none, so that an event normalising leaves unchanged can go to Kafka as
     * it came.
     */
    void event(Integer index, JsonNode node, byte[] original, int from, int to) {
        events++;
        if (!(node instanceof ObjectNode event)) {
            invalid(index, null, List.of(new Violation(null, "must be a JSON object (one CloudEvent)")));
            return;
        }
        boolean changed = validator.normalise(event);
        List<Violation> violations = validator.validate(event);
        String id = event.path("id").isTextual() ? event.path("id").asText() : null;
        if (!violations.isEmpty()) {
            invalid(index, id, violations);
            return;
        }
        if (invalidEvents > 0) {
            return;
        }
        EventIdentity identity = EventIdentity.of(tenant, event.path("source").asText(), id);
        if (!identities.add(identity) || recent.contains(identity)) {
            duplicates++;
            return;
        }
        byte[] value = values.of(event, changed, original, from, to);
        if (value.length > maxEventSize) {
            invalid(index, id, List.of(tooLarge()));
            return;
        }
        sink.append(new OutgoingRecord(EventKey.of(tenant, event).getBytes(StandardCharsets.UTF_8), value));
    }

    /** An event that could not even be parsed (malformed JSON, an over-long line). */
    void unparseable(Integer index, String reason) {
        events++;
        invalid(index, null, List.of(new Violation(null, reason)));
    }

    Violation tooLarge() {
        return new Violation(null, "is larger than " + maxEventSize + " bytes");
    }

    private void invalid(Integer index, String id, List<Violation> violations) {
        invalidEvents++;
        for (Violation violation : violations) {
            if (errors.size() < maxListedErrors) {
                errors.add(new EventError(index, id, violation.field(), violation.reason()));
            } else {
                errorsTruncated = true;
            }
        }
    }

    long events() {
        return events;
    }

    long invalidEvents() {
        return invalidEvents;
    }

    long duplicates() {
        return duplicates;
    }

    /** Whether some errors were left out of {@link #errors()} because of max-listed-errors. */
    boolean errorsTruncated() {
        return errorsTruncated;
    }

    List<EventError> errors() {
        return errors;
    }

    IdentityWindow identities() {
        return identities;
    }

    RecordSink sink() {
        return sink;
    }
}
