package io.deskpulse.scoring.rest;

import io.deskpulse.platform.security.Caller;

/**
 * Who made an admin change, for audit trails: the {@value #HEADER} header when the caller names
 * someone (a person behind a shared admin key), else the API key's fingerprint.
 */
final class Actor {

    static final String HEADER = "X-DeskPulse-Actor";
    static final int MAX_LENGTH = 200;

    private Actor() {
    }

    static String of(Caller caller, String header) {
        if (header == null || header.isBlank()) {
            return "key:" + caller.keyFingerprint();
        }
        String trimmed = header.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidParameterException(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
