package io.deskpulse.ingestion.rest;

/** A re-map request without a usable 'from': a 422 naming it. */
class InvalidRemapException extends RuntimeException {

    InvalidRemapException(String reason) {
        super(reason);
    }
}
