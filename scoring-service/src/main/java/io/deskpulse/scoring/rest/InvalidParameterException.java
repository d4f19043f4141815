package io.deskpulse.scoring.rest;

/** A request header or parameter (not the body) is wrong. */
public class InvalidParameterException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidParameterException(String field, String reason) {
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
