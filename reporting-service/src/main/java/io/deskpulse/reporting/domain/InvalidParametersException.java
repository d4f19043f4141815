package io.deskpulse.reporting.domain;

import java.util.List;

/** Bad request parameters, all of them at once; answered with a 400 invalid-parameters problem. */
public class InvalidParametersException extends RuntimeException {

    private final transient List<ParameterError> errors;

    public InvalidParametersException(List<ParameterError> errors) {
        super(errors.size() + " invalid parameter(s)");
        this.errors = List.copyOf(errors);
    }

    public List<ParameterError> errors() {
        return errors;
    }
}
