package io.deskpulse.ingestion.connector;

/**
 * A payload that cannot be mapped: {@code field} is the dotted path of what is wrong in the platform's payload (or a
 * header, {@code header:x-zammad-trigger}), {@code reason} says how, as the 4xx problem names it.
 */
public final class MappingException extends RuntimeException {

    private final String field;
    private final String reason;

    public MappingException(String field, String reason) {
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
