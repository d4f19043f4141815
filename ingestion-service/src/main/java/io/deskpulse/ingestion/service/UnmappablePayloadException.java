package io.deskpulse.ingestion.service;

/** A verified delivery whose payload is malformed for its platform: a 422 naming the field. Its raw copy is kept. */
public class UnmappablePayloadException extends RuntimeException {

    private final String field;
    private final String reason;

    public UnmappablePayloadException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
