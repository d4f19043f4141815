package io.deskpulse.ingestion.messaging;

/** Kafka did not acknowledge every record of a request in time, or refused one: the request must be resent. */
public class KafkaUnavailableException extends RuntimeException {

    private final long events;
    private final boolean knownDown;

    public KafkaUnavailableException(String message, Throwable cause, long events) {
        super(message, cause);
        this.events = events;
        this.knownDown = false;
    }

    // No stack trace: during an outage every request ends here, and the trace would say nothing.
    private KafkaUnavailableException(long events) {
        super("Kafka is known to be unavailable", null, false, false);
        this.events = events;
        this.knownDown = true;
    }

    /** Refused without trying: Kafka is known to be down. */
    static KafkaUnavailableException known(long events) {
        return new KafkaUnavailableException(events);
    }

    /** Events of the refused request (what it would have written); 0 when refused before the body was read. */
    public long events() {
        return events;
    }

    /** Refused without a send, because an earlier one found Kafka down. */
    public boolean knownDown() {
        return knownDown;
    }
}
