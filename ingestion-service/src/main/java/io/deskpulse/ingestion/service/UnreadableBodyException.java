package io.deskpulse.ingestion.service;

import java.io.IOException;

/** The request body could not be read to its end, mostly because the client went away mid-upload. */
public class UnreadableBodyException extends RuntimeException {

    public UnreadableBodyException(IOException cause) {
        super("The request body could not be read completely: " + cause.getMessage(), cause);
    }
}
