package io.deskpulse.scoring.service;

import java.util.List;

/** A settings document that breaks the rules of docs/settings.md; lists every bad field, not just the first. */
public class InvalidSettingsException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidSettingsException(List<FieldError> errors) {
        super(errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid; nothing was saved");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
