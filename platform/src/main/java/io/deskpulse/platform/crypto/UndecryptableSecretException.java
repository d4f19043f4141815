package io.deskpulse.platform.crypto;

/** A stored secret that the configured keys cannot open; the message never contains the secret. */
public class UndecryptableSecretException extends RuntimeException {

    public UndecryptableSecretException(String message) {
        super(message);
    }
}
