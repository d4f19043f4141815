package io.deskpulse.reporting.rest.request;

/** The Accept header admits neither JSON nor CSV; answered with a 406 not-acceptable problem. */
public class NotAcceptableException extends RuntimeException {

    public NotAcceptableException(String accept) {
        super(accept);
    }
}
