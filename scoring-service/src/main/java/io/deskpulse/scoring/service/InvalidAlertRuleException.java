package io.deskpulse.scoring.service;

import java.util.List;

/** An alert rule that breaks the rules of docs/alerts.md; lists every bad field. */
public class InvalidAlertRuleException extends InvalidSettingsException {

    public InvalidAlertRuleException(List<FieldError> errors) {
        super(errors);
    }
}
