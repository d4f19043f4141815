package io.deskpulse.scoring.service;

import java.util.List;

/** A report webhook the service refuses for a reason its body's constraints cannot see (an internal address). */
public class InvalidReportWebhookException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidReportWebhookException(List<FieldError> errors) {
        super(errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
