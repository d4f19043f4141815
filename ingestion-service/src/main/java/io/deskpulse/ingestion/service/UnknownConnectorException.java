package io.deskpulse.ingestion.service;

/** No live connector has this id: unknown and disabled connectors get the same 404, so neither can be told apart. */
public class UnknownConnectorException extends RuntimeException {

    public UnknownConnectorException() {
        super("There is no active connector at this URL.");
    }
}
