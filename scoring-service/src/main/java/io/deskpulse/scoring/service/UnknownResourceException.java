package io.deskpulse.scoring.service;

/** An exemption, alert rule or other item that the caller's tenant does not have: a 404 with these words. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
