package io.deskpulse.scoring.service;

/** A revoked or expired key cannot be rotated: its successor would bring back a key someone meant to end. */
public class InactiveKeyException extends RuntimeException {

    public InactiveKeyException(String message) {
        super(message);
    }
}
