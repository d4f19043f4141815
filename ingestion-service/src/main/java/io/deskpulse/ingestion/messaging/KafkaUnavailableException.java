package io.deskpulse.ingestion.messaging;

/** Kafka did not acknowledge every record of a request in time, or refused one: the request must be resent. */
public class KafkaUnavailableException extends RuntimeException {

    private final long events;

    public KafkaUnavailableException(String message, Throwable cause, long events) {
        super(message, cause);
        this.events = events;
    }

    /** Events of the refused request (what it would have written). */
    public long events() {
        return events;
    }
}
