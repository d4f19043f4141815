package io.deskpulse.ingestion.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The service's business counters. Rejections count events where the body was read (invalid,
 * kafka_unavailable, too many events), and count a request as one where it was refused before its events
 * could be counted (unauthorized, forbidden, unsupported media type, body too large).
 */
@ApplicationScoped
public class IngestMetrics {

    /** Why events were refused; the label value is the lower-case name. */
    public enum Rejection {
        INVALID, TOO_LARGE, KAFKA_UNAVAILABLE, UNSUPPORTED_MEDIA_TYPE, UNAUTHORIZED, FORBIDDEN, UNREADABLE, SPOOL_FAILURE
    }

    private final Counter accepted;
    private final Counter duplicates;
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);

    public IngestMetrics(MeterRegistry registry) {
        accepted = Counter.builder("deskpulse.ingest.events.accepted")
                .description("Events written to Kafka and acknowledged").register(registry);
        duplicates = Counter.builder("deskpulse.ingest.events.duplicates")
                .description("Events recognised as already sent and not written again").register(registry);
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason, Counter.builder("deskpulse.ingest.events.rejected")
                    .description("Events (or requests, where the events could not be counted) refused")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    void accepted(long events) {
        accepted.increment(events);
    }

    void duplicates(long events) {
        duplicates.increment(events);
    }

    public void rejected(Rejection reason, long events) {
        rejected.get(reason).increment(Math.max(1, events));
    }
}
