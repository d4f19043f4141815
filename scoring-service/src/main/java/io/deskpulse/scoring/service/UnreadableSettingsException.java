package io.deskpulse.scoring.service;

/** The body is not JSON at all (or is empty), so there are no fields to name. */
public class UnreadableSettingsException extends RuntimeException {

    public UnreadableSettingsException(String message) {
        super(message);
    }
}
