package io.deskpulse.scoring.service;

import java.util.UUID;

/** A reconciliation was asked for while the tenant has one queued or running: a 409. */
public class ReconciliationRunningException extends RuntimeException {

    private final UUID running;

    public ReconciliationRunningException(UUID running) {
        super("Reconciliation " + running + " of this tenant is still running; follow it at /v1/reconciliations/" + running
                + " and ask again when it is done");
        this.running = running;
    }

    public UUID running() {
        return running;
    }
}
