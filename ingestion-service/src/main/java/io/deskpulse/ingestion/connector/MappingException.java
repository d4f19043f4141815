package io.deskpulse.ingestion.connector;

import io.deskpulse.platform.rest.FieldException;

/**
 * A payload that cannot be mapped: {@code field} is the dotted path of what is wrong in the platform's payload (or a
 * header, {@code header:x-zammad-trigger}), {@code reason} says how, as the 4xx problem names it.
 */
public final class MappingException extends FieldException {

    public MappingException(String field, String reason) {
        super(field, reason);
    }
}
