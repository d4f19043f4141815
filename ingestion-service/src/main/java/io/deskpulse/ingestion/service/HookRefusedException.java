package io.deskpulse.ingestion.service;

/** A delivery whose signature or credentials do not check out: a 401 that never says which part was wrong. */
public class HookRefusedException extends RuntimeException {

    public HookRefusedException(String clientReason) {
        super(clientReason);
    }
}
