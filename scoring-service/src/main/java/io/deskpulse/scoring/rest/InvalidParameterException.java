package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.FieldException;

/** A request header or parameter (not the body) is wrong. */
public class InvalidParameterException extends FieldException {

    public InvalidParameterException(String field, String reason) {
        super(field, reason);
    }
}
