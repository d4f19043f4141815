package io.deskpulse.ingestion.service;

/** The body, or the number of events in it, exceeds a configured limit; the detail names the limit. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String detail) {
        super(detail, null, false, false);
    }
}
