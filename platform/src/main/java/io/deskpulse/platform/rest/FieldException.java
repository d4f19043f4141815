package io.deskpulse.platform.rest;

/**
 * Something a client sent is wrong in one named place: {@code field} is its path (a parameter, a header, a dotted
 * path into a body), {@code reason} says how, in the words the problem+json answer lists for that field. Plain Java,
 * so that domain code can throw it; each service maps its subclasses to its own problem types.
 */
public class FieldException extends RuntimeException {

    private final String field;
    private final String reason;

    public FieldException(String field, String reason) {
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
