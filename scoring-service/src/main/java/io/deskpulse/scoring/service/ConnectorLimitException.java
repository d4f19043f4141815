package io.deskpulse.scoring.service;

/** The tenant already has as many connectors as it may: a 409. */
public class ConnectorLimitException extends RuntimeException {

    public ConnectorLimitException(String message) {
        super(message);
    }
}
